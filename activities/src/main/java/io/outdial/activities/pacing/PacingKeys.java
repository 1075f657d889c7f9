package io.outdial.activities.pacing;

import java.util.List;

/** Builds the Redis keys described in the package documentation. */
final class PacingKeys {

    private PacingKeys() {
    }

    static String tag(long poolId) {
        return "{pool:" + poolId + "}";
    }

    /** CAPS counters of one whole second: campaign, node, line. */
    static List<String> caps(Route route, long secondMs) {
        String prefix = "pace:" + tag(route.poolId()) + ":caps:";
        long epochSecond = Math.floorDiv(secondMs, 1000L);
        return List.of(
                prefix + "campaign:" + route.campaignId() + ":" + epochSecond,
                prefix + "node:" + route.fsNodeId() + ":" + epochSecond,
                prefix + "line:" + route.lineId() + ":" + epochSecond);
    }

    /** Concurrency lease sets: campaign, node, line, and the campaign's own leases on the line. */
    static List<String> leases(Route route) {
        return List.of(campaignLeases(route.poolId(), route.campaignId()),
                nodeLeases(route.poolId(), route.fsNodeId()),
                lineLeases(route.poolId(), route.lineId()),
                lineLeases(route.poolId(), route.lineId()) + ":campaign:" + route.campaignId());
    }

    static String nodeLeases(long poolId, String fsNodeId) {
        return leasePrefix(poolId) + "node:" + fsNodeId;
    }

    static String lineLeases(long poolId, String lineId) {
        return leasePrefix(poolId) + "line:" + lineId;
    }

    /** The line's fair-share hash: one field per campaign seen lately on the line. */
    static String fairShare(Route route) {
        return "pace:" + tag(route.poolId()) + ":fair:line:" + route.lineId();
    }

    static String campaignLeases(long poolId, long campaignId) {
        return leasePrefix(poolId) + "campaign:" + campaignId;
    }

    private static String leasePrefix(long poolId) {
        return "pace:" + tag(poolId) + ":lease:";
    }
}
