package io.outdial.activities.campaign;

import java.time.Duration;

/**
 * How much one round may do, and what the calls it starts may do.
 *
 * @param budget           the time a round may spend releasing calls (it also never passes the end
 *                         of its second)
 * @param maxCallsPerRound the most calls one round releases, whatever the CAPS
 * @param maxFailovers     how many times one call may fail over to another line or FS node (0 to
 *                         {@link #MAX_FAILOVERS_LIMIT}; 0 turns failover off)
 */
public record RoundSettings(Duration budget, int maxCallsPerRound, int maxFailovers) {

    /** The most failovers a call may be allowed. */
    public static final int MAX_FAILOVERS_LIMIT = 5;

    /** The failover bound when none is configured. */
    public static final int DEFAULT_MAX_FAILOVERS = 2;

    public RoundSettings {
        if (maxFailovers < 0 || maxFailovers > MAX_FAILOVERS_LIMIT) {
            throw new IllegalArgumentException("maxFailovers must be 0 to " + MAX_FAILOVERS_LIMIT + ", not "
                    + maxFailovers);
        }
    }

    /** The given budget and round size, with the default failover bound. */
    public RoundSettings(Duration budget, int maxCallsPerRound) {
        this(budget, maxCallsPerRound, DEFAULT_MAX_FAILOVERS);
    }

    /** 900 ms, 1000 calls, 2 failovers per call. */
    public static RoundSettings defaults() {
        return new RoundSettings(Duration.ofMillis(900), 1_000);
    }

    /**
     * The bound as {@link io.outdial.workflows.call.CallRequest#maxFailovers()} carries it: there 0 means
     * "the default" (payloads from before the field existed) and a negative value means none.
     */
    int callRequestMaxFailovers() {
        return maxFailovers == 0 ? -1 : maxFailovers;
    }
}
