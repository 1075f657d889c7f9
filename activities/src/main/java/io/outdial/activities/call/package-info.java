/**
 * The call workflow's activities: place one call exactly once, inside a second whose CAPS token it
 * holds ({@link io.outdial.activities.call.CallActivitiesImpl}), and record what happened; and the
 * read-only recovery steps ({@link io.outdial.activities.call.CallRecoveryActivitiesImpl}): another
 * route for a failover ({@link io.outdial.activities.call.FailoverRoutes}), {@code uuid_exists} and
 * following a live channel ({@link io.outdial.activities.call.ChannelFollower}) to reconcile.
 *
 * <p>Redis keys: {@code call:{campaign:<campaignId>}:<taskId>:<attempt>} is the idempotency claim of
 * one dial attempt, set once ({@code SET NX}) and kept for seven days.
 *
 * <p>Limit: a followed channel's events reach a worker only if its app node id is the one the call was
 * tagged with (FS sends each app node the events of its own calls). A restarted worker of the same node
 * follows the call to its end; a worker of another node sees the channel go away without its end and
 * records INDETERMINATE.
 */
package io.outdial.activities.call;
