/**
 * The campaign workflow's activities: one-second rounds that reserve, lock and start calls
 * ({@link io.outdial.activities.campaign.CampaignActivitiesImpl}), and the campaign rows in
 * PostgreSQL.
 *
 * <p>Each round reads the campaign's plan afresh ({@link io.outdial.activities.campaign.CampaignPlan}:
 * weight, selection strategy, the pool's enabled and not evicted FS nodes and lines, and which nodes
 * carry each line's gateway), so changes take effect at the next second without restarting the
 * campaign. It picks a line by the campaign's {@link io.outdial.activities.campaign.SelectionStrategy}
 * and a node that carries that line, and reserves with the campaign's weight and the round's size as
 * its fair claim on shared lines.
 *
 * <p>Redis keys: {@code round:{campaign:<campaignId>}:<roundNo>} holds a finished round's result for
 * an hour, so a retried round answers the same without releasing again.
 */
package io.outdial.activities.campaign;
