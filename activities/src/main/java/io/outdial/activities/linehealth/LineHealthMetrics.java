package io.outdial.activities.linehealth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Line health meters: {@code outdial.line.health} (gauge per line and state, 1 for the line's current
 * state, else 0), {@code outdial.line.evictions} (per line and cause; counted by the app node that made
 * the change) and {@code outdial.line.readmissions} (per line).
 */
class LineHealthMetrics {

    private final MeterRegistry meters;
    private final MultiGauge states;

    LineHealthMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.states = MultiGauge.builder("outdial.line.health")
                .description("1 for the state each line is in (HEALTHY, EVICTED, PROBATION), else 0")
                .register(meters);
    }

    void states(List<TrackedLine> lines, Instant now) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (TrackedLine line : lines) {
            LineState current = line.effectiveState(now);
            for (LineState state : LineState.values()) {
                rows.add(MultiGauge.Row.of(Tags.of("line", line.id(), "pool", Long.toString(line.poolId()),
                        "state", state.name()), state == current ? 1 : 0));
            }
        }
        states.register(rows, true);
    }

    void evicted(TrackedLine line, Eviction.Cause cause) {
        Counter.builder("outdial.line.evictions").description("lines evicted by line health")
                .tags("line", line.id(), "cause", cause.name()).register(meters).increment();
    }

    void readmitted(TrackedLine line) {
        Counter.builder("outdial.line.readmissions").description("lines re-admitted after a healthy probe")
                .tags("line", line.id()).register(meters).increment();
    }
}
