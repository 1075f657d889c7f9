package io.outdial.workflows.client;

/**
 * The campaign refused a request: its update validator rejected the value (the message is the validator's,
 * e.g. {@code caps must be between 1 and 10000, was 0}), or the update failed for a reason no retry fixes
 * (e.g. its input was closed meanwhile). Nothing was changed.
 */
public class CampaignRequestRejectedException extends CampaignClientException {

    private final String failureType;

    public CampaignRequestRejectedException(long campaignId, String reason, String failureType, Throwable cause) {
        super(campaignId, reason, cause);
        this.failureType = failureType;
    }

    /**
     * The Temporal failure type, e.g. {@code java.lang.IllegalArgumentException} for a validator's
     * rejection or {@code CampaignInputClosed}; {@code null} if unknown.
     */
    public String failureType() {
        return failureType;
    }
}
