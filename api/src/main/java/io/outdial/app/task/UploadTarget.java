package io.outdial.app.task;

/**
 * The campaign an upload goes to, as the upload needs it.
 *
 * @param region the tenant's default region for numbers without a country code
 */
record UploadTarget(long campaignId, long tenantId, String status, boolean inputClosed, String region) {

    boolean ended() {
        return status.equals("COMPLETED") || status.equals("CANCELLED");
    }

    /** Whether a campaign workflow runs for it. */
    boolean active() {
        return status.equals("RUNNING") || status.equals("PAUSED");
    }
}
