package io.outdial.activities.fshealth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * The workers' votes on FS node health, in Redis. Keys: {@code fshealth:{fs:<nodeId>}:votes}, a hash of
 * worker to {@code 1|0:<epochMs>} (reachable or not, and when), and {@code fshealth:workers}, a sorted
 * set of worker to the time of its last vote. A worker is live while its last vote is within the live
 * window; the clock decides, not Redis expiry (keys expire only to clean up after deleted nodes and
 * workers gone for good).
 */
public class FsHealthVotes {

    static final String WORKERS = "fshealth:workers";
    private static final Duration KEEP = Duration.ofMinutes(10);

    private final UnifiedJedis jedis;
    private final Duration liveWindow;

    public FsHealthVotes(UnifiedJedis jedis, Duration liveWindow) {
        this.jedis = jedis;
        this.liveWindow = liveWindow;
    }

    /**
     * Records {@code worker}'s view of the nodes in {@code reachable} at {@code nowMs} and marks the
     * worker live, even when the map is empty.
     */
    public void vote(String worker, Map<String, Boolean> reachable, long nowMs) {
        try (AbstractPipeline pipeline = jedis.pipelined()) {
            reachable.forEach((nodeId, up) -> {
                String key = key(nodeId);
                pipeline.hset(key, worker, (up ? "1:" : "0:") + nowMs);
                pipeline.expire(key, KEEP.toSeconds());
            });
            pipeline.zadd(WORKERS, nowMs, worker);
            pipeline.zremrangeByScore(WORKERS, Double.NEGATIVE_INFINITY, nowMs - KEEP.toMillis());
            pipeline.expire(WORKERS, KEEP.toSeconds());
            pipeline.sync();
        }
    }

    /** The workers that voted within the live window before {@code nowMs}. */
    public Set<String> liveWorkers(long nowMs) {
        return new HashSet<>(jedis.zrangeByScore(WORKERS, nowMs - liveWindow.toMillis(), Double.POSITIVE_INFINITY));
    }

    /** The votes that count on {@code nodeId} at {@code nowMs}: cast by live workers within the live window. */
    public Tally tally(String nodeId, long nowMs) {
        return tally(nodeId, liveWorkers(nowMs), nowMs);
    }

    Tally tally(String nodeId, Set<String> live, long nowMs) {
        long oldest = nowMs - liveWindow.toMillis();
        List<Vote> counted = new ArrayList<>();
        jedis.hgetAll(key(nodeId)).forEach((worker, value) -> {
            int colon = value.indexOf(':');
            long atMs = Long.parseLong(value.substring(colon + 1));
            if (live.contains(worker) && atMs >= oldest) {
                counted.add(new Vote(worker, value.startsWith("1"), Instant.ofEpochMilli(atMs)));
            }
        });
        counted.sort(Comparator.comparing(Vote::worker));
        return new Tally(nodeId, live.size(), counted);
    }

    static String key(String nodeId) {
        return "fshealth:{fs:" + nodeId + "}:votes";
    }
}
