package io.outdial.activities.call;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * Place-call meters: {@code outdial.call.placements} tagged {@code result} (sent, not_sent,
 * duplicate) and {@code outdial.call.send.delay}, how long after the start of its reserved second an
 * originate left (pacing slippage).
 */
class CallMetrics {

    private final MeterRegistry registry;
    private final Timer sendDelay;

    CallMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.sendDelay = Timer.builder("outdial.call.send.delay")
                .description("Time from the start of the reserved second to the originate").register(registry);
    }

    void duplicate() {
        registry.counter("outdial.call.placements", "result", "duplicate").increment();
    }

    void notSent() {
        registry.counter("outdial.call.placements", "result", "not_sent").increment();
    }

    void sent(long reservedSecondMs, long sentAtMs) {
        registry.counter("outdial.call.placements", "result", "sent").increment();
        sendDelay.record(Duration.ofMillis(Math.max(0, sentAtMs - reservedSecondMs)));
    }
}
