package io.outdial.app.stats;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * The FS nodes and lines of the pools a caller may use, with live figures.
 *
 * @param fsNodes the FS nodes, by id
 * @param lines   the lines, by id
 * @param at      the server time of these figures
 */
@Schema(description = "FS nodes and lines of the caller's pools with live figures")
public record ResourceStats(List<FsNodeStats> fsNodes, List<LineStats> lines, Instant at) {

    /**
     * One FS node.
     *
     * @param id            its id
     * @param pool          its pool's name
     * @param enabled       whether rounds may choose it
     * @param connected     whether this app node's ESL connection to it is up
     * @param health        HEALTHY or EVICTED, by the health checks of all app nodes
     * @param healthReason  why it is in that state, or {@code null}
     * @param evictedUntil  until when it is out of rounds, or {@code null}
     * @param maxSessions   calls it may carry at once
     * @param caps          calls it may start per second
     * @param callsInFlight calls in flight on it now (live leases in Redis), or {@code null} if Redis cannot be read
     */
    public record FsNodeStats(String id, String pool, boolean enabled, boolean connected, String health,
                              String healthReason, Instant evictedUntil, int maxSessions, int caps,
                              Long callsInFlight) {
    }

    /**
     * One line.
     *
     * @param id             its id
     * @param pool           its pool's name
     * @param gateway        its sofia gateway
     * @param enabled        whether rounds may choose it
     * @param caps           call attempts per second the carrier accepts
     * @param maxConcurrency calls the carrier carries at once
     * @param inUse          calls on it now (live leases in Redis), or {@code null} if Redis cannot be read
     * @param health         HEALTHY, EVICTED or PROBATION, or {@code null} for a line never judged
     * @param healthReason   why, or {@code null}
     * @param evictedUntil   until when it is out of rounds, or {@code null}
     */
    public record LineStats(String id, String pool, String gateway, boolean enabled, int caps, int maxConcurrency,
                            Long inUse, String health, String healthReason, Instant evictedUntil) {
    }
}
