package io.outdial.app.line;

import io.outdial.activities.linehealth.LineHealthReport;
import io.outdial.activities.linehealth.LineState;
import java.time.Instant;

/**
 * A line's health as the API shows it.
 *
 * @param state        HEALTHY, EVICTED (out of rounds until {@code evictedUntil}) or PROBATION (a
 *                     trickle of probe calls decides whether it is re-admitted)
 * @param reason       why, with the figures; {@code null} for a line never judged
 * @param since        when it entered its state; {@code null} for a line never judged
 * @param evictedUntil the end of its cool-down, or {@code null}
 * @param window       its calls in the last window judged (on probation: its probe calls); {@code null}
 *                     while the live counters (Redis) cannot be read
 */
public record LineHealth(LineState state, String reason, Instant since, Instant evictedUntil, Window window) {

    /**
     * Calls counted.
     *
     * @param attempts      calls sent
     * @param connects      calls answered
     * @param lineFaults    calls that failed on the carrier or gateway
     * @param connectRate   connects / attempts (0 without attempts)
     * @param lineFaultRate line faults / attempts (0 without attempts)
     */
    public record Window(long attempts, long connects, long lineFaults, double connectRate, double lineFaultRate) {
    }

    static LineHealth of(LineHealthReport report) {
        var counts = report.window();
        return new LineHealth(report.state(), report.reason(), report.since(), report.evictedUntil(),
                counts == null ? null : new Window(counts.attempts(), counts.connects(), counts.faults(),
                        counts.connectRate(), counts.faultRate()));
    }
}
