package io.outdial.activities.fshealth;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One worker's part in FS health: it votes what its own links see and evaluates the votes of all.
 * {@link #check()} runs every {@link FsHealthSettings#checkInterval()}: it actively probes every node
 * (a hung node only shows there) and refreshes every vote. {@link #watchLinks()} is cheap and meant to
 * run every second or so: it votes at once when a link went down or came back since the last vote, so
 * a crashed node (whose sockets drop) is evicted within about a second, not a whole check interval.
 * Thread-safe.
 */
public class FsHealthMonitor {

    private static final Logger log = LoggerFactory.getLogger(FsHealthMonitor.class);

    private final String worker;
    private final LinkProbe probe;
    private final FsHealthVotes votes;
    private final FsHealthEvaluator evaluator;
    private final FsHealthSettings settings;
    private final Clock clock;
    // guarded by this
    private final Map<String, Boolean> voted = new HashMap<>();
    private final Map<String, Long> firstSeenMs = new HashMap<>();

    /**
     * @param worker this app node's id ({@code outdial.node-id}), the name it votes under
     */
    public FsHealthMonitor(String worker, LinkProbe probe, FsHealthVotes votes, FsHealthEvaluator evaluator,
                           FsHealthSettings settings, Clock clock) {
        this.worker = Objects.requireNonNull(worker, "worker");
        this.probe = probe;
        this.votes = votes;
        this.evaluator = evaluator;
        this.settings = settings;
        this.clock = clock;
    }

    /** Probes every known node, votes on all of them, and evaluates; returns the changes this call made. */
    public synchronized List<FsHealthEvaluator.Change> check() {
        Map<String, Boolean> seen = probe.probe(settings.probeTimeout());
        long nowMs = clock.millis();
        forgetUnknown(seen, nowMs);
        Map<String, Boolean> ballot = new HashMap<>();
        seen.forEach((nodeId, up) -> {
            if (up || !settling(nodeId, nowMs)) {
                ballot.put(nodeId, up);
            }
        });
        cast(ballot, nowMs);
        return evaluator.evaluate();
    }

    /**
     * Votes on the nodes whose link state changed since this worker's last vote on them (and on nodes not
     * voted on yet, once they are up or past the new-node grace), and evaluates if there was any; returns
     * the changes this call made.
     */
    public synchronized List<FsHealthEvaluator.Change> watchLinks() {
        Map<String, Boolean> links = probe.links();
        long nowMs = clock.millis();
        forgetUnknown(links, nowMs);
        Map<String, Boolean> ballot = new HashMap<>();
        links.forEach((nodeId, up) -> {
            Boolean last = voted.get(nodeId);
            if (last == null ? up || !settling(nodeId, nowMs) : last != up) {
                ballot.put(nodeId, up);
            }
        });
        if (ballot.isEmpty()) {
            return List.of();
        }
        cast(ballot, nowMs);
        return evaluator.evaluate();
    }

    /** Whether the node is too new to this worker to be voted unreachable: its link may still be connecting. */
    private boolean settling(String nodeId, long nowMs) {
        return nowMs - firstSeenMs.get(nodeId) < settings.newNodeGrace().toMillis();
    }

    private void forgetUnknown(Map<String, Boolean> known, long nowMs) {
        voted.keySet().retainAll(known.keySet());
        firstSeenMs.keySet().retainAll(known.keySet());
        known.keySet().forEach(nodeId -> firstSeenMs.putIfAbsent(nodeId, nowMs));
    }

    private void cast(Map<String, Boolean> ballot, long nowMs) {
        votes.vote(worker, ballot, nowMs);
        ballot.forEach((nodeId, up) -> {
            Boolean last = voted.put(nodeId, up);
            if (last != null && last != up) {
                log.info("Worker {} now sees FS node {} as {}", worker, nodeId, up ? "reachable" : "unreachable");
            }
            evaluator.metrics().reachable(nodeId, up);
        });
    }
}
