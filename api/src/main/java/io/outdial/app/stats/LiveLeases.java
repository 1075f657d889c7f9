package io.outdial.app.stats;

import org.springframework.stereotype.Component;
import redis.clients.jedis.JedisPooled;

/**
 * Counts live concurrency leases in Redis without changing anything: the lease sets of
 * {@code io.outdial.activities.pacing} ({@code pace:{pool:P}:lease:<campaign|node|line>:<id>}, sorted sets
 * scored by expiry in epoch ms); a member whose expiry has passed is not counted.
 */
@Component
class LiveLeases {

    private final JedisPooled jedis;

    LiveLeases(JedisPooled jedis) {
        this.jedis = jedis;
    }

    long campaign(long poolId, long campaignId, long nowMs) {
        return live(key(poolId, "campaign:" + campaignId), nowMs);
    }

    long fsNode(long poolId, String fsNodeId, long nowMs) {
        return live(key(poolId, "node:" + fsNodeId), nowMs);
    }

    long line(long poolId, String lineId, long nowMs) {
        return live(key(poolId, "line:" + lineId), nowMs);
    }

    private long live(String key, long nowMs) {
        return jedis.zcount(key, "(" + nowMs, "+inf");
    }

    private static String key(long poolId, String what) {
        return "pace:{pool:" + poolId + "}:lease:" + what;
    }
}
