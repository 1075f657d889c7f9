package io.outdial.activities.fshealth;

import java.util.List;
import java.util.Optional;

/**
 * The counted votes on one FS node: only votes of live workers cast within the live window.
 *
 * @param nodeId      the FS node
 * @param liveWorkers how many workers voted on anything within the live window: the electorate
 * @param votes       the counted votes, by worker name
 */
public record Tally(String nodeId, int liveWorkers, List<Vote> votes) {

    public Tally {
        votes = List.copyOf(votes);
    }

    /** The smallest strict majority of the live workers. */
    public int majority() {
        return liveWorkers / 2 + 1;
    }

    public long reachable() {
        return votes.stream().filter(Vote::reachable).count();
    }

    public long unreachable() {
        return votes.size() - reachable();
    }

    /**
     * What to do with a node in this state: evict a node most live workers cannot reach, re-admit an
     * evicted node most live workers can reach, otherwise nothing (no majority either way keeps the
     * state, so a split view never flaps the node).
     */
    public Optional<HealthState> decide(HealthState current) {
        if (liveWorkers == 0) {
            return Optional.empty();
        }
        if (current == HealthState.HEALTHY && unreachable() >= majority()) {
            return Optional.of(HealthState.EVICTED);
        }
        if (current == HealthState.EVICTED && reachable() >= majority()) {
            return Optional.of(HealthState.HEALTHY);
        }
        return Optional.empty();
    }

    /** Why the node is in its new state, e.g. {@code unreachable from 2 of 3 live workers}. */
    String reason(HealthState state) {
        long count = state == HealthState.EVICTED ? unreachable() : reachable();
        return (state == HealthState.EVICTED ? "unreachable" : "reachable") + " from " + count + " of " + liveWorkers
                + " live workers";
    }
}
