package io.outdial.app.line;

import java.time.Instant;
import java.util.List;

/**
 * A carrier trunk, reached through a named sofia gateway on FS nodes of its pool.
 *
 * @param id             its id, {@code ^[a-z0-9][a-z0-9_-]{0,31}$}
 * @param pool           the name of its pool
 * @param gateway        the sofia gateway's name, {@code ^[A-Za-z0-9_.-]{1,64}$}
 * @param caps           call attempts the carrier accepts per second
 * @param maxConcurrency calls the carrier carries at once
 * @param callerId       the caller id presented, or {@code null}
 * @param enabled        whether rounds may choose it
 * @param fsNodes        the FS nodes that carry the gateway; empty: every node of the pool
 * @param evictedUntil   until when health checks keep it out of rounds, or {@code null}
 * @param health         its health: state, reason, since and the calls of the last window judged
 */
public record Line(String id, String pool, String gateway, int caps, int maxConcurrency, String callerId,
                   boolean enabled, List<String> fsNodes, Instant evictedUntil, LineHealth health) {
}
