package io.outdial.workflows.campaign;

/** The life cycle of a campaign as its workflow sees it. */
public enum CampaignStatus {
    /** Releasing calls every second. */
    RUNNING,
    /** Releasing nothing until resumed; calls in flight go on. */
    PAUSED,
    /** Ended: input closed, queue empty and no call in flight. */
    COMPLETED,
    /** Ended by a cancel: queued tasks were cancelled, calls in flight went on to their end. */
    CANCELLED
}
