package io.outdial.workflows.client;

/** The campaign has no running workflow: it was never started, or it has ended. */
public class CampaignNotRunningException extends CampaignClientException {

    public CampaignNotRunningException(long campaignId, Throwable cause) {
        super(campaignId, "campaign " + campaignId + " is not running", cause);
    }
}
