package io.outdial.activities.fshealth;

import java.time.Instant;

/**
 * The health of one FS node as PostgreSQL records it.
 *
 * @param nodeId the FS node
 * @param state  whether health checks keep it out of rounds
 * @param reason why it is in this state, or {@code null} if health checks never changed it
 * @param since  when it entered this state, or {@code null} if health checks never changed it
 */
public record NodeHealth(String nodeId, HealthState state, String reason, Instant since) {
}
