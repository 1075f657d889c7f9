package io.outdial.activities.campaign;

import io.outdial.workflows.campaign.RoundResult;
import java.time.Duration;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Remembers each finished round's result in Redis so that a retried round returns it instead of
 * releasing again. The first result stored wins.
 */
class RoundLedger {

    private static final Duration KEEP = Duration.ofHours(1);

    private final UnifiedJedis jedis;

    RoundLedger(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    Optional<RoundResult> find(long campaignId, long roundNo) {
        return Optional.ofNullable(jedis.get(key(campaignId, roundNo))).map(RoundLedger::decode);
    }

    /** Stores the result unless one is stored already; returns the stored one. */
    RoundResult store(long campaignId, long roundNo, RoundResult result) {
        String key = key(campaignId, roundNo);
        String stored = jedis.set(key, encode(result), SetParams.setParams().nx().ex(KEEP.toSeconds()));
        if ("OK".equals(stored)) {
            return result;
        }
        return find(campaignId, roundNo).orElse(result);
    }

    static String key(long campaignId, long roundNo) {
        return "round:{campaign:" + campaignId + "}:" + roundNo;
    }

    private static String encode(RoundResult r) {
        return r.released() + "," + r.queued() + "," + r.inFlight() + "," + r.limitedBy();
    }

    private static RoundResult decode(String value) {
        String[] f = value.split(",", 4);
        return new RoundResult(Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), f[3]);
    }
}
