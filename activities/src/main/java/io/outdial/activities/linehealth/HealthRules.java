package io.outdial.activities.linehealth;

import io.outdial.activities.pacing.LineCounts;
import java.util.List;
import java.util.Optional;

/** The judgement of one line's counts against its pool's norm: pure arithmetic, no storage. */
final class HealthRules {

    /** The most probe calls a line on probation waits for: one minute of the trickle. */
    static final int MAX_PROBE_ATTEMPTS = 60;

    private final LineHealthSettings settings;

    HealthRules(LineHealthSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the counts break a rule, given the pool's norm.
     *
     * @param minAttempts fewer calls than this are not judged at all
     */
    Optional<Eviction> judge(LineCounts counts, double norm, int minAttempts) {
        if (counts.attempts() < minAttempts) {
            return Optional.empty();
        }
        if (counts.faultRate() > settings.maxFaultRate()) {
            return Optional.of(new Eviction(Eviction.Cause.LINE_FAULTS, "%d of %d calls failed on the line (%s)"
                    .formatted(counts.faults(), counts.attempts(), percent(counts.faultRate()))));
        }
        boolean predictable = counts.attempts() * norm >= settings.minExpectedConnects();
        if (predictable && counts.connectRate() < norm * settings.minConnectRatio()) {
            return Optional.of(new Eviction(Eviction.Cause.LOW_CONNECT_RATE,
                    "%d of %d calls answered (%s) against the pool's %s".formatted(counts.connects(),
                            counts.attempts(), percent(counts.connectRate()), percent(norm))));
        }
        return Optional.empty();
    }

    /**
     * The probe calls a line on probation needs: {@link LineHealthSettings#probeAttempts()}, or as many
     * as the norm needs to predict {@link LineHealthSettings#minExpectedConnects()} connects (so a line
     * evicted for its connect rate is judged on it again), but no more than {@link #MAX_PROBE_ATTEMPTS}.
     */
    int probeAttempts(double norm) {
        int forConnects = norm <= 0 ? 0 : (int) Math.ceil(settings.minExpectedConnects() / norm);
        return Math.max(settings.probeAttempts(), Math.min(forConnects, MAX_PROBE_ATTEMPTS));
    }

    /** The median, 0 of none. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String percent(double share) {
        return Math.round(share * 100) + " %";
    }
}
