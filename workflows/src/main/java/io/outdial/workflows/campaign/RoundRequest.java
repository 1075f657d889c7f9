package io.outdial.workflows.campaign;

/**
 * One round of one campaign.
 *
 * @param campaignId     the campaign
 * @param roundNo        the round number; (campaignId, roundNo) is the idempotency key of the round
 * @param pacing         the pacing in force for this round
 * @param secondEpochMs  the whole second (epoch milliseconds) this round belongs to; the round may
 *                       reserve CAPS tokens of this second only
 */
public record RoundRequest(long campaignId, long roundNo, Pacing pacing, long secondEpochMs) {
}
