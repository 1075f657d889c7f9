package io.outdial.activities.fshealth;

import java.time.Duration;
import java.util.Objects;

/**
 * How FS health checks behave.
 *
 * @param checkInterval how often each worker actively probes every FS node it knows and votes
 * @param probeTimeout  how long a probe ({@code api status}) may take before the node counts as unreachable
 * @param liveWindow    a worker that has not voted for this long is no longer live: its votes stop counting
 *                      and it leaves the electorate (two missed checks and some slack)
 * @param newNodeGrace  a node this worker started to know less than this long ago is not voted unreachable
 *                      yet, so a node just added is not evicted while its link is still connecting
 */
public record FsHealthSettings(Duration checkInterval, Duration probeTimeout, Duration liveWindow,
                               Duration newNodeGrace) {

    public FsHealthSettings {
        requirePositive(checkInterval, "checkInterval");
        requirePositive(probeTimeout, "probeTimeout");
        requirePositive(liveWindow, "liveWindow");
        Objects.requireNonNull(newNodeGrace, "newNodeGrace");
        if (liveWindow.compareTo(checkInterval) <= 0) {
            throw new IllegalArgumentException("liveWindow: must be longer than checkInterval");
        }
    }

    /** Checks every 10 s with a 2 s probe timeout; votes count for 25 s; 5 s of grace for a new node. */
    public static FsHealthSettings defaults() {
        return new FsHealthSettings(Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofSeconds(25),
                Duration.ofSeconds(5));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be positive");
        }
    }
}
