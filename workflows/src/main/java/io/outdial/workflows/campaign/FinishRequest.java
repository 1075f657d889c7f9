package io.outdial.workflows.campaign;

/**
 * Records the end of a campaign.
 *
 * @param campaignId the campaign
 * @param status     {@link CampaignStatus#COMPLETED} or {@link CampaignStatus#CANCELLED}; on
 *                   cancel, every task still queued is marked cancelled and leaves the queue
 */
public record FinishRequest(long campaignId, CampaignStatus status) {
}
