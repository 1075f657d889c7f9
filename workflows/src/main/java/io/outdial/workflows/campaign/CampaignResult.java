package io.outdial.workflows.campaign;

/**
 * How a campaign workflow ended.
 *
 * @param campaignId the campaign
 * @param status     {@link CampaignStatus#COMPLETED} or {@link CampaignStatus#CANCELLED}
 * @param released   calls released over the campaign's life
 */
public record CampaignResult(long campaignId, CampaignStatus status, long released) {
}
