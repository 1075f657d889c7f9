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
 * Per-minute attempt, connect and line-fault counters per line, in Redis, the connect rate they give
 * with recent minutes weighted more (best-connect-rate selection), and the sums line health judges.
 * Keys: {@code pace:{pool:P}:stats:line:<lineId>:<epochMinute>}, a hash with fields {@code attempts},
 * {@code connects} and {@code faults}, kept for {@link #KEEP}; and {@code pace:{pool:P}:stats:line:<lineId>:total},
 * the same fields since the line was first used, kept for {@link #KEEP_TOTAL} after its last call.
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
    static final Duration KEEP_TOTAL = Duration.ofDays(1);
    /** The most minutes {@link #window} reads: what {@link #KEEP} keeps. */
    public static final int MAX_WINDOW_MINUTES = (int) KEEP.toMinutes();

    private static final String[] FIELDS = {"attempts", "connects", "faults"};

    private final UnifiedJedis jedis;

    public ConnectRates(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** Counts one attempt on the line in the minute of {@code nowMs}, and a connect if it was answered. */
    public void record(long poolId, String lineId, boolean connected, long nowMs) {
        record(poolId, lineId, connected, false, nowMs);
    }

    /**
     * Counts one attempt on the line in the minute of {@code nowMs} and in its totals, and a connect
     * if it was answered, a fault if it was a line fault.
     */
    public void record(long poolId, String lineId, boolean connected, boolean lineFault, long nowMs) {
        String minuteKey = key(poolId, lineId, Math.floorDiv(nowMs, 60_000L));
        String totalKey = totalKey(poolId, lineId);
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String key : List.of(minuteKey, totalKey)) {
                pipeline.hincrBy(key, "attempts", 1);
                if (connected) {
                    pipeline.hincrBy(key, "connects", 1);
                }
                if (lineFault) {
                    pipeline.hincrBy(key, "faults", 1);
                }
            }
            pipeline.expire(minuteKey, KEEP.toSeconds());
            pipeline.expire(totalKey, KEEP_TOTAL.toSeconds());
            pipeline.sync();
        }
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

    /**
     * Each line's counts over the minute of {@code nowMs} and the {@code minutes - 1} before it, but
     * only the minutes that began at or after the line's entry in {@code sinceMs} (absent: all), so
     * calls before a line's re-admission are not held against it.
     *
     * @param minutes 1 to {@link #MAX_WINDOW_MINUTES}
     */
    public Map<String, LineCounts> window(long poolId, List<String> lineIds, Map<String, Long> sinceMs, long nowMs,
                                          int minutes) {
        if (minutes < 1 || minutes > MAX_WINDOW_MINUTES) {
            throw new IllegalArgumentException("window of " + minutes + " minutes");
        }
        long newest = Math.floorDiv(nowMs, 60_000L);
        Map<String, List<Response<List<String>>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String lineId : lineIds) {
                long since = sinceMs.getOrDefault(lineId, Long.MIN_VALUE);
                List<Response<List<String>>> read = new ArrayList<>();
                for (long minute = newest - minutes + 1; minute <= newest; minute++) {
                    if (minute * 60_000L >= since) {
                        read.add(pipeline.hmget(key(poolId, lineId, minute), FIELDS));
                    }
                }
                replies.put(lineId, read);
            }
            pipeline.sync();
        }
        Map<String, LineCounts> counts = new LinkedHashMap<>();
        replies.forEach((lineId, read) -> counts.put(lineId,
                read.stream().map(r -> counts(r.get())).reduce(LineCounts.NONE, LineCounts::plus)));
        return counts;
    }

    /** Each line's counts since it was first used (or since Redis lost them). */
    public Map<String, LineCounts> totals(long poolId, List<String> lineIds) {
        Map<String, Response<List<String>>> replies = new LinkedHashMap<>();
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            for (String lineId : lineIds) {
                replies.put(lineId, pipeline.hmget(totalKey(poolId, lineId), FIELDS));
            }
            pipeline.sync();
        }
        Map<String, LineCounts> totals = new LinkedHashMap<>();
        replies.forEach((lineId, reply) -> totals.put(lineId, counts(reply.get())));
        return totals;
    }

    static String key(long poolId, String lineId, long epochMinute) {
        return "pace:" + PacingKeys.tag(poolId) + ":stats:line:" + lineId + ":" + epochMinute;
    }

    static String totalKey(long poolId, String lineId) {
        return "pace:" + PacingKeys.tag(poolId) + ":stats:line:" + lineId + ":total";
    }

    private static LineCounts counts(List<String> fields) {
        return new LineCounts((long) number(fields.get(0)), (long) number(fields.get(1)), (long) number(fields.get(2)));
    }

    private static double number(String value) {
        return value == null ? 0 : Double.parseDouble(value);
    }
}
