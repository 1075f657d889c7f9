package io.outdial.activities.linehealth;

/** Where a line stands with the health checks. */
public enum LineState {
    /** Rounds use it up to its limits. */
    HEALTHY,
    /** Out of every round until its cool-down ends. */
    EVICTED,
    /**
     * Its cool-down is over: rounds give it at most {@link LineHealthSettings#PROBE_CAPS} call per second
     * (all campaigns together) until its probe calls show it healthy (re-admitted) or not (evicted again).
     */
    PROBATION
}
