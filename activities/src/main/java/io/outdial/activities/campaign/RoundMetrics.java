package io.outdial.activities.campaign;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.outdial.workflows.campaign.RoundResult;
import java.time.Duration;

/**
 * Round meters: {@code outdial.round.calls.released} (calls started), {@code outdial.round.runs}
 * tagged with what limited the round, {@code outdial.round.duration} and {@code outdial.round.lateness}
 * (how long after the start of its whole second a round began), both with percentile histograms. No
 * campaign tag: campaigns come and go, meters stay. Reservation meters are
 * {@link io.outdial.activities.pacing.Reservations}'.
 */
class RoundMetrics {

    private final MeterRegistry registry;
    private final Counter released;
    private final Timer duration;
    private final Timer lateness;

    RoundMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.released = Counter.builder("outdial.round.calls.released").description("Call workflows started by rounds")
                .register(registry);
        this.duration = Timer.builder("outdial.round.duration").description("Time a round took")
                .publishPercentileHistogram().register(registry);
        this.lateness = Timer.builder("outdial.round.lateness")
                .description("Time from the start of a round's second to the start of the round")
                .publishPercentileHistogram().register(registry);
    }

    /** @param late how long after its second's start the round began (a round begun early counts 0) */
    void record(RoundResult result, Duration late, Duration took) {
        released.increment(result.released());
        registry.counter("outdial.round.runs", "limited_by", result.limitedBy()).increment();
        lateness.record(late.isNegative() ? Duration.ZERO : late);
        duration.record(took);
    }
}
