package io.outdial.activities.campaign;

/** What stopped a round ({@link io.outdial.workflows.campaign.RoundResult#limitedBy()}). */
public enum RoundLimit {
    /** The round released all it set out to (up to the CAPS or the per-round maximum). */
    NONE,
    CAMPAIGN_CAPS,
    CAMPAIGN_CONCURRENCY,
    /** Every FS node of the pool denied (or there is none). */
    FS_NODE,
    /** Every line of the pool denied (or there is none). */
    LINE,
    QUEUE_EMPTY,
    /** The round's budget or its second ran out (a round whose second is already over releases nothing). */
    TIME_BUDGET
}
