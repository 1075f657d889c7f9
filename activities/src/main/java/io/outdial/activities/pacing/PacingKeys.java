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

    /** Concurrency lease sets: campaign, node, line. */
    static List<String> leases(Route route) {
        return List.of(campaignLeases(route.poolId(), route.campaignId()),
                leasePrefix(route.poolId()) + "node:" + route.fsNodeId(),
                leasePrefix(route.poolId()) + "line:" + route.lineId());
    }

    static String campaignLeases(long poolId, long campaignId) {
        return leasePrefix(poolId) + "campaign:" + campaignId;
    }

    private static String leasePrefix(long poolId) {
        return "pace:" + tag(poolId) + ":lease:";
    }
}
