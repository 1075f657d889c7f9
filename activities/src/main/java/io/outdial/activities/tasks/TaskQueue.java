package io.outdial.activities.tasks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The queue of task ids of each campaign, a Redis list (see the package documentation). Ids are
 * leased from the head by a round and pushed back to the head, in order, when the round does not use
 * them. PostgreSQL stays the system of record: {@link #rebuild} replaces a queue from it.
 */
public class TaskQueue {

    private static final int BATCH = 1_000;

    private final UnifiedJedis jedis;

    public TaskQueue(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /** Appends task ids to the tail of the campaign's queue, in order. */
    public void enqueue(long campaignId, List<Long> taskIds) {
        pushTail(key(campaignId), taskIds);
    }

    /** The number of task ids in the campaign's queue. */
    public long size(long campaignId) {
        return jedis.llen(key(campaignId));
    }

    /** Every task id in the campaign's queue, head first, read in batches (not one atomic snapshot). */
    public List<Long> ids(long campaignId) {
        String key = key(campaignId);
        List<Long> ids = new ArrayList<>();
        for (long from = 0; ; from += BATCH) {
            List<String> batch = jedis.lrange(key, from, from + BATCH - 1);
            batch.forEach(id -> ids.add(Long.valueOf(id)));
            if (batch.size() < BATCH) {
                return ids;
            }
        }
    }

    /** Replaces the campaign's queue with {@code queuedTaskIds} in one atomic step. */
    public void rebuild(long campaignId, List<Long> queuedTaskIds) {
        String key = key(campaignId);
        if (queuedTaskIds.isEmpty()) {
            jedis.del(key);
            return;
        }
        String staging = key + ":rebuild:" + UUID.randomUUID();
        pushTail(staging, queuedTaskIds);
        jedis.rename(staging, key);
    }

    /** Removes the campaign's queue. */
    public void clear(long campaignId) {
        jedis.del(key(campaignId));
    }

    /** Takes up to {@code max} task ids from the head of the queue; they are no longer queued. */
    public List<Long> lease(long campaignId, int max) {
        if (max <= 0) {
            return List.of();
        }
        List<String> ids = jedis.lpop(key(campaignId), max);
        if (ids == null) {
            return List.of();
        }
        return ids.stream().map(Long::valueOf).toList();
    }

    /** Puts leased ids back at the head of the queue so that {@code taskIds.get(0)} is first again. */
    public void pushBack(long campaignId, List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        List<String> reversed = new ArrayList<>(taskIds.size());
        for (int i = taskIds.size() - 1; i >= 0; i--) {
            reversed.add(taskIds.get(i).toString());
        }
        jedis.lpush(key(campaignId), reversed.toArray(String[]::new));
    }

    static String key(long campaignId) {
        return "queue:{campaign:" + campaignId + "}";
    }

    private void pushTail(String key, List<Long> taskIds) {
        for (int from = 0; from < taskIds.size(); from += BATCH) {
            String[] batch = taskIds.subList(from, Math.min(from + BATCH, taskIds.size())).stream()
                    .map(String::valueOf).toArray(String[]::new);
            jedis.rpush(key, batch);
        }
    }
}
