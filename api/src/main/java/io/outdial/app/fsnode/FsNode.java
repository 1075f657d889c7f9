package io.outdial.app.fsnode;

import java.time.Instant;

/**
 * A FreeSWITCH node as the REST API shows it. The ESL password is write-only: it is never returned.
 *
 * @param id           its id, {@code ^[a-z0-9][a-z0-9_-]{0,31}$}
 * @param pool         the name of its pool
 * @param eslHost      the event socket's host name or address
 * @param eslPort      the event socket's port
 * @param maxSessions  calls it may carry at once
 * @param caps         calls it may start per second
 * @param enabled      whether rounds may choose it (and this app node keeps an ESL connection to it)
 * @param evictedUntil until when health checks keep it out of rounds, or {@code null}
 * @param connected    whether this app node's ESL connection to it is up, authenticated and filtered
 * @param health       what the health checks of all app nodes say of it
 */
public record FsNode(String id, String pool, String eslHost, int eslPort, int maxSessions, int caps,
                     boolean enabled, Instant evictedUntil, boolean connected, FsNodeHealth health) {
}
