package io.outdial.activities.call;

import java.time.Duration;

/**
 * How the place-call activity paces its originate.
 *
 * @param guard          no originate is sent this close to the end of a second (it could arrive at
 *                       FreeSWITCH in the next one)
 * @param maxTokenWait   how long a call that missed its reserved second may wait for a token of a
 *                       later second before giving up unsent
 * @param leaseExtension how far each heartbeat pushes the call's concurrency leases out
 */
public record PlaceCallSettings(Duration guard, Duration maxTokenWait, Duration leaseExtension) {

    /**
     * 200 ms, 5 s, 60 s. The guard covers the time from the send decision to FreeSWITCH reading the
     * command (thread scheduling, the ESL socket, the network); 30 ms proved too little on a loaded
     * machine in the pacing benchmark (two seconds one over a 5 CAPS line).
     */
    public static PlaceCallSettings defaults() {
        return new PlaceCallSettings(Duration.ofMillis(200), Duration.ofSeconds(5), Duration.ofSeconds(60));
    }
}
