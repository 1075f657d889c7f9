package io.outdial.workflows.call;

/** The fault classes of DESIGN.md section 6: what a call's end proves about where it failed. */
public enum FaultClass {
    /** ANSWER seen, or billsec above zero, whatever the cause. */
    ANSWERED,
    /** The callee's side decided: busy, no answer, rejected, invalid or unallocated number. */
    CALLEE_OUTCOME,
    /** Carrier or gateway trouble; safe to fail over to another line only if no progress was seen. */
    LINE_FAULT,
    /** FreeSWITCH-side trouble before any INVITE left; safe to fail over to another FS node. */
    SWITCH_FAULT,
    /** Cannot tell whether the phone rang; never redialled automatically. */
    INDETERMINATE
}
