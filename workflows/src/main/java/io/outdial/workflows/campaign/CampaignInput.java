package io.outdial.workflows.campaign;

/**
 * Starts (or continues as new) a campaign workflow.
 *
 * @param campaignId  the campaign's id in PostgreSQL; its tasks must already exist there
 * @param pacing      the initial pacing
 * @param inputClosed true when every task has been added and none will follow
 * @param carried     state carried over by continue-as-new; {@code null} on a first start
 */
public record CampaignInput(long campaignId, Pacing pacing, boolean inputClosed, CarriedState carried) {

    /** A first start, with nothing carried over. */
    public static CampaignInput start(long campaignId, Pacing pacing, boolean inputClosed) {
        return new CampaignInput(campaignId, pacing, inputClosed, null);
    }

    /**
     * What a campaign run hands to the next run when it continues as new.
     *
     * @param paused    whether the campaign was paused
     * @param cancelled whether a cancel was requested
     * @param nextRound the next round number to run (round numbers never repeat in a campaign)
     * @param released  calls released so far
     */
    public record CarriedState(boolean paused, boolean cancelled, long nextRound, long released) {
    }
}
