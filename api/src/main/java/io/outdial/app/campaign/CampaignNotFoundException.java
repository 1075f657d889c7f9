package io.outdial.app.campaign;

/** There is no campaign with this id. */
public class CampaignNotFoundException extends RuntimeException {

    public CampaignNotFoundException(long campaignId) {
        super("No campaign " + campaignId);
    }
}
