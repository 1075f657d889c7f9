package io.outdial.activities.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * Per-minute attempt and connect counters per line, in Redis, and the connect rate they give with
 * recent minutes weighted more. Key: {@code pace:{pool:P}:stats:line:<lineId>:<epochMinute>}, a hash
 * with fields {@code attempts} and {@code connects}, kept for {@link #KEEP}.
 */
public class ConnectRates {

    /** The minutes read, newest first, and their weights: each minute counts half the one after it. */
    static final double[] MINUTE_WEIGHTS = {1.0, 0.5, 0.25, 0.125, 0.0625};
    /**
     * An optimistic prior, as if every line had connected {@code PRIOR_CONNECTS} of
     * {@code PRIOR_ATTEMPTS} calls: a new or recovered line starts with a good rate, gets traffic and
     * soon shows its real one.
     */
    static final double PRIOR_ATTEMPTS = 4;
    static final double PRIOR_CONNECTS = 2;
    static final Duration KEEP = Duration.ofMinutes(10);

    private final UnifiedJedis jedis;

    public ConnectRates(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** Counts one attempt on the line in the minute of {@code nowMs}, and a connect if it was answered. */
    public void record(long poolId, String lineId, boolean connected, long nowMs) {
        String key = key(poolId, lineId, Math.floorDiv(nowMs, 60_000L));
        jedis.hincrBy(key, "attempts", 1);
        if (connected) {
            jedis.hincrBy(key, "connects", 1);
        }
        jedis.expire(key, KEEP.toSeconds());
    }

    /** Each line's weighted connect rate over the last minutes, in the order given. */
    public Map<String, Double> rates(long poolId, List<String> lineIds, long nowMs) {
        long minute = Math.floorDiv(nowMs, 60_000L);
        List<List<Response<List<String>>>> replies = new ArrayList<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String lineId : lineIds) {
                List<Response<List<String>>> minutes = new ArrayList<>();
                for (int back = 0; back < MINUTE_WEIGHTS.length; back++) {
                    minutes.add(pipeline.hmget(key(poolId, lineId, minute - back), "attempts", "connects"));
                }
                replies.add(minutes);
            }
            pipeline.sync();
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        for (int i = 0; i < lineIds.size(); i++) {
            double attempts = PRIOR_ATTEMPTS;
            double connects = PRIOR_CONNECTS;
            List<Response<List<String>>> minutes = replies.get(i);
            for (int back = 0; back < minutes.size(); back++) {
                List<String> counts = minutes.get(back).get();
                attempts += MINUTE_WEIGHTS[back] * number(counts.get(0));
                connects += MINUTE_WEIGHTS[back] * number(counts.get(1));
            }
            rates.put(lineIds.get(i), connects / attempts);
        }
        return rates;
    }

    static String key(long poolId, String lineId, long epochMinute) {
        return "pace:" + PacingKeys.tag(poolId) + ":stats:line:" + lineId + ":" + epochMinute;
    }

    private static double number(String value) {
        return value == null ? 0 : Double.parseDouble(value);
    }
}
