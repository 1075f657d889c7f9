package io.outdial.activities.fshealth;

/** Whether rounds may choose an FS node, as far as health checks are concerned. */
public enum HealthState {
    /** Rounds may choose it. */
    HEALTHY,
    /** Most live workers cannot reach it: rounds skip it until most can again. */
    EVICTED
}
