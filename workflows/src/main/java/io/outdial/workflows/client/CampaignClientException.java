package io.outdial.workflows.client;

/**
 * A {@link CampaignClient} call that did not do what it was asked. The subclasses say why; any other
 * failure (the Temporal server unreachable, a timeout) is this class itself, with the cause.
 */
public class CampaignClientException extends RuntimeException {

    private final long campaignId;

    public CampaignClientException(long campaignId, String message, Throwable cause) {
        super(message, cause);
        this.campaignId = campaignId;
    }

    /** The campaign the call was about. */
    public long campaignId() {
        return campaignId;
    }
}
