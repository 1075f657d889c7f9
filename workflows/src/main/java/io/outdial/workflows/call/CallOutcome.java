package io.outdial.workflows.call;

/** What happened to a call, as a campaign manager reads it. */
public enum CallOutcome {
    ANSWERED,
    BUSY,
    NO_ANSWER,
    REJECTED,
    INVALID_NUMBER,
    LINE_FAILED,
    SWITCH_FAILED,
    INDETERMINATE
}
