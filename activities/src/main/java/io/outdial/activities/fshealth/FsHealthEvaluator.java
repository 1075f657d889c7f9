package io.outdial.activities.fshealth;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns the votes into evictions and re-admissions of the enabled FS nodes. Any worker may run it at
 * any time, as often as it likes: a change is written only if the node is not in that state already,
 * and only the worker whose write made the change logs and counts it.
 */
public class FsHealthEvaluator {

    private static final Logger log = LoggerFactory.getLogger(FsHealthEvaluator.class);

    private final FsHealthVotes votes;
    private final FsHealthRepository nodes;
    private final FsHealthMetrics metrics;
    private final Clock clock;

    public FsHealthEvaluator(FsHealthVotes votes, FsHealthRepository nodes,
                             MeterRegistry meters, Clock clock) {
        this.votes = votes;
        this.nodes = nodes;
        this.metrics = new FsHealthMetrics(meters);
        this.clock = clock;
    }

    /** A change this evaluation made. */
    public record Change(String nodeId, HealthState to, String reason) {
    }

    /** Evaluates every enabled node now and returns the changes this call made. */
    public List<Change> evaluate() {
        Instant now = clock.instant();
        Set<String> live = votes.liveWorkers(now.toEpochMilli());
        List<Change> changes = new ArrayList<>();
        for (NodeHealth node : nodes.enabledNodes(now)) {
            Tally tally = votes.tally(node.nodeId(), live, now.toEpochMilli());
            Optional<HealthState> decided = tally.decide(node.state());
            // applied here or, a moment ago, by another worker that read the same votes
            decided.ifPresent(to -> apply(node.nodeId(), to, tally, now, changes));
            metrics.state(node.nodeId(), decided.orElse(node.state()));
        }
        return changes;
    }

    private void apply(String nodeId, HealthState to, Tally tally, Instant now, List<Change> changes) {
        String reason = tally.reason(to);
        boolean changed = to == HealthState.EVICTED ? nodes.evict(nodeId, reason, now) : nodes.readmit(nodeId, reason, now);
        if (!changed) {
            return;
        }
        if (to == HealthState.EVICTED) {
            log.warn("FS node {} evicted: {} ({})", nodeId, reason, tally.votes());
        } else {
            log.info("FS node {} re-admitted: {} ({})", nodeId, reason, tally.votes());
        }
        metrics.changed(nodeId, to);
        changes.add(new Change(nodeId, to, reason));
    }

    FsHealthMetrics metrics() {
        return metrics;
    }
}
