package io.outdial.app.fsnode;

import io.outdial.activities.fshealth.HealthState;
import io.outdial.activities.fshealth.Vote;
import java.time.Instant;
import java.util.List;

/**
 * What health checks say of an FS node.
 *
 * @param state       {@code HEALTHY}, or {@code EVICTED} while most live app nodes cannot reach it
 * @param reason      why it entered this state, e.g. {@code unreachable from 2 of 3 live workers}; null if never changed
 * @param since       when it entered this state; null if health checks never changed it
 * @param liveWorkers how many app nodes voted recently (the electorate)
 * @param votes       the counted votes: each live app node's latest view of this node
 */
public record FsNodeHealth(HealthState state, String reason, Instant since, int liveWorkers, List<Vote> votes) {
}
