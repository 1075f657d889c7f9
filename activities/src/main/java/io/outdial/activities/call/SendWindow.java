package io.outdial.activities.call;

import io.outdial.activities.pacing.Lease;
import io.outdial.activities.pacing.Limits;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.pacing.Verdict;
import java.time.Clock;
import java.time.Duration;

/**
 * Decides when an originate may leave: only inside a whole second whose CAPS token the call holds,
 * and not within the guard before that second ends. A call that missed the second its round reserved
 * takes a token of a later second (and its concurrency lease too, if that is gone: a failover attempt
 * or an expired lease), waiting second by second up to a bound.
 */
class SendWindow {

    private final Reservations reservations;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PlaceCallSettings settings;

    SendWindow(Reservations reservations, Clock clock, Sleeper sleeper, PlaceCallSettings settings) {
        this.reservations = reservations;
        this.clock = clock;
        this.sleeper = sleeper;
        this.settings = settings;
    }

    /**
     * Returns when the originate may be sent now.
     *
     * @param leaseHeld whether the call holds its concurrency lease at every level
     * @param heartbeat called before each wait
     * @return false if no token could be had within the bound: the call must not be sent
     */
    boolean await(Lease lease, Limits limits, long reservedSecondMs, boolean leaseHeld, Runnable heartbeat)
            throws InterruptedException {
        long giveUpAt = clock.millis() + settings.maxTokenWait().toMillis();
        boolean held = leaseHeld;
        while (true) {
            long now = clock.millis();
            long second = now - Math.floorMod(now, 1000L);
            long sendableUntil = second + 1000 - settings.guard().toMillis();
            if (held && now < reservedSecondMs) {
                heartbeat.run();
                sleeper.sleep(Duration.ofMillis(reservedSecondMs - now));
                continue;
            }
            if (now < sendableUntil) {
                if (held && second == reservedSecondMs) {
                    return true;
                }
                Verdict verdict = held
                        ? reservations.takeCapsToken(lease.route(), limits, second)
                        : reservations.reserve(lease, limits, second, now, now + settings.leaseExtension().toMillis());
                if (verdict.granted()) {
                    return true;
                }
            }
            if (now >= giveUpAt) {
                return false;
            }
            heartbeat.run();
            sleeper.sleep(Duration.ofMillis(second + 1000 - now));
        }
    }
}
