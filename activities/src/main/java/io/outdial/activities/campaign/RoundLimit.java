package io.outdial.activities.campaign;

/** What stopped a round ({@link io.outdial.workflows.campaign.RoundResult#limitedBy()}). */
public enum RoundLimit {
    /** The round released the per-round maximum of calls. */
    NONE,
    /** The campaign's CAPS for the second is used up (by this round or a concurrent one). */
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
