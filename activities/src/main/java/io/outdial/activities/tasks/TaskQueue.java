package io.outdial.activities.tasks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The queue of task ids of each campaign, a Redis list (see the package documentation). Ids are
 * leased from the head by a round and pushed back to the head, in order, when the round does not use
 * them. PostgreSQL stays the system of record: {@link #rebuild} replaces a queue from it.
 *
 * <p>Beside it, each campaign has a delayed set: the ids of tasks queued for a business re-attempt,
 * scored by the epoch millisecond they are due. A round moves the due ones into the queue
 * ({@link #promoteDue}) before it leases; nothing else takes ids out of the set.
 */
public class TaskQueue {

    private static final int BATCH = 1_000;

    /** KEYS: queue, delayed set. ARGV: now (epoch ms), most ids to move. LPUSH of the latest first. */
    private static final String PROMOTE_DUE = """
            local due = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
            if #due == 0 then
              return 0
            end
            for i = #due, 1, -1 do
              redis.call('LPUSH', KEYS[1], due[i])
            end
            redis.call('ZREM', KEYS[2], unpack(due))
            return #due
            """;

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

    /** Removes the campaign's queue and its delayed set. */
    public void clear(long campaignId) {
        jedis.del(key(campaignId), delayedKey(campaignId));
    }

    /** Puts a task in the campaign's delayed set, due at {@code dueMs}; a second call moves its due time. */
    public void delay(long campaignId, long taskId, long dueMs) {
        jedis.zadd(delayedKey(campaignId), dueMs, Long.toString(taskId));
    }

    /** Puts tasks in the campaign's delayed set, each due at its epoch millisecond. */
    public void delayAll(long campaignId, Map<Long, Long> dueMsByTaskId) {
        if (dueMsByTaskId.isEmpty()) {
            return;
        }
        Map<String, Double> members = new HashMap<>();
        dueMsByTaskId.forEach((id, due) -> members.put(id.toString(), (double) due));
        jedis.zadd(delayedKey(campaignId), members);
    }

    /** The number of task ids in the campaign's delayed set, due or not. */
    public long delayedSize(long campaignId) {
        return jedis.zcard(delayedKey(campaignId));
    }

    /** Every task id in the campaign's delayed set, earliest due first. */
    public List<Long> delayedIds(long campaignId) {
        return jedis.zrange(delayedKey(campaignId), 0, -1).stream().map(Long::valueOf).toList();
    }

    /**
     * Moves the ids due at {@code nowMs} from the delayed set to the head of the queue, earliest due first,
     * in one atomic step (so an id is always in one of the two): a re-attempt is dialed near its due time,
     * not after the whole backlog of first attempts.
     *
     * @return how many ids were moved
     */
    public int promoteDue(long campaignId, long nowMs) {
        Object moved = jedis.eval(PROMOTE_DUE, List.of(key(campaignId), delayedKey(campaignId)),
                List.of(Long.toString(nowMs), Integer.toString(BATCH)));
        return ((Long) moved).intValue();
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

    /** In the queue's hash slot, so {@link #promoteDue} can move ids between the two atomically. */
    static String delayedKey(long campaignId) {
        return key(campaignId) + ":delayed";
    }

    private void pushTail(String key, List<Long> taskIds) {
        for (int from = 0; from < taskIds.size(); from += BATCH) {
            String[] batch = taskIds.subList(from, Math.min(from + BATCH, taskIds.size())).stream()
                    .map(String::valueOf).toArray(String[]::new);
            jedis.rpush(key, batch);
        }
    }
}
