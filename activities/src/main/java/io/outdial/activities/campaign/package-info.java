/**
 * The campaign workflow's activities: one-second rounds that reserve, lock and start calls
 * ({@link io.outdial.activities.campaign.CampaignActivitiesImpl}), and the campaign rows in
 * PostgreSQL.
 *
 * <p>Redis keys: {@code round:{campaign:<campaignId>}:<roundNo>} holds a finished round's result for
 * an hour, so a retried round answers the same without releasing again.
 */
package io.outdial.activities.campaign;
