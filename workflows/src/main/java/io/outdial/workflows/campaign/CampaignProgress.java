package io.outdial.workflows.campaign;

/**
 * A campaign's progress as its workflow knows it (the answer of the progress query).
 *
 * @param campaignId  the campaign
 * @param status      where it is in its life cycle
 * @param pacing      the pacing in force
 * @param inputClosed whether more tasks may still be added
 * @param rounds      rounds run so far over all runs, failed (skipped) rounds included
 * @param released    calls released so far
 * @param queued      tasks still queued, as of the last round
 * @param inFlight    calls in flight, as of the last round
 */
public record CampaignProgress(long campaignId, CampaignStatus status, Pacing pacing, boolean inputClosed,
                               long rounds, long released, long queued, long inFlight) {
}
