package io.outdial.activities.linehealth;

/**
 * Why a line is judged unhealthy.
 *
 * @param cause  the rule it broke
 * @param detail the figures, in a sentence for the API
 */
public record Eviction(Cause cause, String detail) {

    /** The rules. */
    public enum Cause {
        /** Too many of its calls failed on the carrier or gateway. */
        LINE_FAULTS,
        /** Far fewer of its calls were answered than on the pool's other lines. */
        LOW_CONNECT_RATE
    }
}
