package io.outdial.workflows.campaign;

/**
 * What one round did.
 *
 * @param released  calls started in this round (call workflows started)
 * @param queued    tasks left in the campaign's queue after the round
 * @param inFlight  calls of the campaign in flight after the round
 * @param limitedBy the limit that stopped the round early ({@code NONE}, {@code CAMPAIGN_CAPS},
 *                  {@code CAMPAIGN_CONCURRENCY}, {@code FS_NODE}, {@code LINE}, {@code QUEUE_EMPTY},
 *                  {@code TIME_BUDGET}), for metrics and the audit trail
 */
public record RoundResult(int released, long queued, long inFlight, String limitedBy) {
}
