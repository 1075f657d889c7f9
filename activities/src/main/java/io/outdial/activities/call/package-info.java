/**
 * The call workflow's activities: place one call exactly once, inside a second whose CAPS token it
 * holds ({@link io.outdial.activities.call.CallActivitiesImpl}), and record what happened.
 *
 * <p>Redis keys: {@code call:{campaign:<campaignId>}:<taskId>:<attempt>} is the idempotency claim of
 * one dial attempt, set once ({@code SET NX}) and kept for seven days.
 */
package io.outdial.activities.call;
