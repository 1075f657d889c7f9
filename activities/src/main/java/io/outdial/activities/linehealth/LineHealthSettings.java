package io.outdial.activities.linehealth;

import java.time.Duration;

/**
 * How line health judges lines.
 *
 * @param windowMinutes       the sliding window judged: the current minute and the ones before it, 1 to 10
 * @param minAttempts         a line with fewer calls in the window is not judged (too quiet to tell)
 * @param maxFaultRate        a line whose share of line faults is above this is evicted
 * @param minConnectRatio     a line whose connect rate is below this share of its pool's norm (the median
 *                            connect rate of the pool's judged healthy lines) is evicted...
 * @param minExpectedConnects ...but only when the norm predicts at least this many connects for its calls,
 *                            so a handful of unanswered calls is not taken for a broken line
 * @param coolDown            how long an evicted line stays out of rounds before it is probed
 * @param probeAttempts       the probe calls a line on probation needs before it is judged again
 */
public record LineHealthSettings(int windowMinutes, int minAttempts, double maxFaultRate, double minConnectRatio,
                                 int minExpectedConnects, Duration coolDown, int probeAttempts) {

    /** Calls per second a line on probation gets, all campaigns and FS nodes together. */
    public static final int PROBE_CAPS = 1;

    public LineHealthSettings {
        if (windowMinutes < 1 || windowMinutes > 10) {
            throw new IllegalArgumentException("windowMinutes must be 1 to 10 but was " + windowMinutes);
        }
        if (minAttempts < 1 || probeAttempts < 1) {
            throw new IllegalArgumentException("minAttempts and probeAttempts must be at least 1");
        }
        if (coolDown.isNegative()) {
            throw new IllegalArgumentException("coolDown must not be negative");
        }
    }

    /**
     * A 3-minute window, judged from 10 calls; evicted above 50 % line faults or below a third of the
     * pool's connect rate (when 5 connects were expected); 2 minutes' cool-down; 3 probe calls.
     */
    public static LineHealthSettings defaults() {
        return new LineHealthSettings(3, 10, 0.5, 1.0 / 3, 5, Duration.ofMinutes(2), 3);
    }
}
