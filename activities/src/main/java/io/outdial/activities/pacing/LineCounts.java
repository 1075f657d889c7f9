package io.outdial.activities.pacing;

/**
 * Calls counted on one line over some span.
 *
 * @param attempts calls sent
 * @param connects calls answered
 * @param faults   calls classified as a line fault (carrier or gateway trouble)
 */
public record LineCounts(long attempts, long connects, long faults) {

    public static final LineCounts NONE = new LineCounts(0, 0, 0);

    /** The share of attempts answered; 0 without attempts. */
    public double connectRate() {
        return attempts == 0 ? 0 : (double) connects / attempts;
    }

    /** The share of attempts that were line faults; 0 without attempts. */
    public double faultRate() {
        return attempts == 0 ? 0 : (double) faults / attempts;
    }

    public LineCounts plus(LineCounts other) {
        return new LineCounts(attempts + other.attempts, connects + other.connects, faults + other.faults);
    }

    /**
     * What was counted since {@code base} was read. Counters that went backwards (Redis restarted
     * empty) count from zero.
     */
    public LineCounts since(LineCounts base) {
        if (attempts < base.attempts || connects < base.connects || faults < base.faults) {
            return this;
        }
        return new LineCounts(attempts - base.attempts, connects - base.connects, faults - base.faults);
    }
}
