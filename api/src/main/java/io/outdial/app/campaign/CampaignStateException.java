package io.outdial.app.campaign;

/** The campaign is not in a state that allows the request (e.g. started twice, tasks added after the end). */
public class CampaignStateException extends RuntimeException {

    public CampaignStateException(String message) {
        super(message);
    }
}
