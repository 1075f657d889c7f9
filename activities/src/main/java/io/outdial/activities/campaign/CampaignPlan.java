package io.outdial.activities.campaign;

import java.util.List;

/**
 * A campaign with the resources it may dial through: the enabled FS nodes and lines of its pool.
 *
 * @param campaignId         the campaign
 * @param poolId             its pool
 * @param status             its stored status
 * @param caps               its stored CAPS
 * @param maxConcurrency     its stored concurrency limit
 * @param ringTimeoutSeconds how long a callee's phone may ring
 * @param fsNodes            the pool's enabled FS nodes, by id
 * @param lines              the pool's enabled lines, by id
 */
public record CampaignPlan(long campaignId, long poolId, String status, int caps, int maxConcurrency,
                           int ringTimeoutSeconds, List<FsNode> fsNodes, List<Line> lines) {

    /** @param id the node id; @param caps originates per second; @param maxSessions sessions at once */
    public record FsNode(String id, int caps, int maxSessions) {
    }

    /** @param id the line id; @param gateway its sofia gateway; @param caps per second; @param maxConcurrency at once */
    public record Line(String id, String gateway, int caps, int maxConcurrency) {
    }
}
