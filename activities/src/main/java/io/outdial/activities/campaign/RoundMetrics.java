package io.outdial.activities.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.outdial.workflows.campaign.RoundResult;
import java.time.Duration;

/**
 * Round meters: {@code outdial.round.calls.released} (calls started), {@code outdial.round.runs}
 * tagged with what limited the round, {@code outdial.round.duration}. No campaign tag: campaigns
 * come and go, meters stay.
 */
class RoundMetrics {

    private final MeterRegistry registry;
    private final Counter released;
    private final Timer duration;

    RoundMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.released = Counter.builder("outdial.round.calls.released").description("Call workflows started by rounds")
                .register(registry);
        this.duration = Timer.builder("outdial.round.duration").description("Time a round took").register(registry);
    }

    void record(RoundResult result, Duration took) {
        released.increment(result.released());
        registry.counter("outdial.round.runs", "limited_by", result.limitedBy()).increment();
        duration.record(took);
    }
}
