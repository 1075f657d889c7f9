package io.outdial.activities.campaign;

import java.util.List;
import java.util.Set;

/**
 * A campaign with the resources it may dial through: the FS nodes and lines of its pool that are
 * enabled and not evicted.
 *
 * @param campaignId         the campaign
 * @param poolId             its pool
 * @param status             its stored status
 * @param caps               its stored CAPS
 * @param maxConcurrency     its stored concurrency limit
 * @param ringTimeoutSeconds how long a callee's phone may ring
 * @param weight             its weight in the fair share of shared lines
 * @param strategy           how it picks lines and nodes
 * @param fsNodes            the pool's usable FS nodes, by id
 * @param lines              the pool's usable lines, by id
 */
public record CampaignPlan(long campaignId, long poolId, String status, int caps, int maxConcurrency,
                           int ringTimeoutSeconds, int weight, SelectionStrategy strategy, List<FsNode> fsNodes,
                           List<Line> lines) {

    /** @param id the node id; @param caps originates per second; @param maxSessions sessions at once */
    public record FsNode(String id, int caps, int maxSessions) {
    }

    /**
     * A line.
     *
     * @param id             the line id
     * @param gateway        its sofia gateway
     * @param caps           calls per second
     * @param maxConcurrency calls at once
     * @param fsNodeIds      the FS nodes that carry its gateway; empty: every node of the pool
     */
    public record Line(String id, String gateway, int caps, int maxConcurrency, Set<String> fsNodeIds) {

        /** Whether a call on this line may go through the node. */
        public boolean reachableOn(String fsNodeId) {
            return fsNodeIds.isEmpty() || fsNodeIds.contains(fsNodeId);
        }
    }
}
