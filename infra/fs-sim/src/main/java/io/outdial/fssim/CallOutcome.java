package io.outdial.fssim;

/** What the far end does with a simulated call. */
public enum CallOutcome {
    /** Rings, answers, talks, then the call is cleared normally (NORMAL_CLEARING, SIP 200). */
    ANSWER,
    /** Rings, then the callee is busy (USER_BUSY, SIP 486). */
    BUSY,
    /** Rings until {@code originate_timeout} expires (NO_ANSWER, SIP 487 after CANCEL). */
    NO_ANSWER,
    /** Rings, then the callee declines (CALL_REJECTED, SIP 603). */
    REJECT,
    /** The carrier does not know the number: no progress (UNALLOCATED_NUMBER, SIP 404). */
    INVALID
}
