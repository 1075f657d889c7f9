package io.outdial.activities.call;

import java.time.Duration;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/** The idempotency claims of dial attempts: the first claim of (task, attempt) wins, once. */
public class CallClaims {

    /** How long a claim is kept; far longer than any call or retry of its workflow. */
    public static final Duration KEEP = Duration.ofDays(7);

    private final UnifiedJedis jedis;

    public CallClaims(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** @return true if this caller claimed the attempt now; false if it had been claimed before */
    public boolean claim(long campaignId, long taskId, int attempt, String owner) {
        String reply = jedis.set(key(campaignId, taskId, attempt), owner,
                SetParams.setParams().nx().ex(KEEP.toSeconds()));
        return "OK".equals(reply);
    }

    static String key(long campaignId, long taskId, int attempt) {
        return "call:{campaign:" + campaignId + "}:" + taskId + ":" + attempt;
    }
}
