package io.outdial.activities.campaign;

import java.time.Duration;

/**
 * How much one round may do.
 *
 * @param budget           the time a round may spend releasing calls (it also never passes the end
 *                         of its second)
 * @param maxCallsPerRound the most calls one round releases, whatever the CAPS
 */
public record RoundSettings(Duration budget, int maxCallsPerRound) {

    /** 900 ms and 1000 calls. */
    public static RoundSettings defaults() {
        return new RoundSettings(Duration.ofMillis(900), 1_000);
    }
}
