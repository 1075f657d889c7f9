package io.outdial.workflows.campaign;

/**
 * Records a campaign's status in the system of record (PostgreSQL), for the REST API and UI.
 *
 * @param campaignId the campaign
 * @param status     the new status
 * @param pacing     the pacing now in force
 */
public record StatusChange(long campaignId, CampaignStatus status, Pacing pacing) {
}
