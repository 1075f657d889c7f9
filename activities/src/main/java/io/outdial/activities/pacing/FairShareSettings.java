package io.outdial.activities.pacing;

import java.time.Duration;

/**
 * How the reservation script shares a line between campaigns.
 *
 * @param activeWindow a campaign that reserved on a line within this window still competes for it:
 *                     its share is kept for it even before its round of the current second runs
 * @param borrowAfter  how far into a second the CAPS tokens kept for campaigns below their share are
 *                     freed for anyone (concurrency slots are always kept)
 */
public record FairShareSettings(Duration activeWindow, Duration borrowAfter) {

    /** Active for 3 s; CAPS tokens borrowable 500 ms into the second. */
    public static FairShareSettings defaults() {
        return new FairShareSettings(Duration.ofSeconds(3), Duration.ofMillis(500));
    }
}
