package io.outdial.workflows.client;

/** The campaign's workflow was started before (it may be running or have ended): it is never started twice. */
public class CampaignAlreadyStartedException extends CampaignClientException {

    public CampaignAlreadyStartedException(long campaignId, Throwable cause) {
        super(campaignId, "campaign " + campaignId + " was already started", cause);
    }
}
