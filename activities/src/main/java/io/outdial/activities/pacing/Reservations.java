package io.outdial.activities.pacing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reserves calls against the CAPS and concurrency limits of a campaign, an FS node and a line, each
 * reservation in one atomic Redis script: all levels or none. Times are arguments, so a test's clock
 * drives lease expiry. See the package documentation for the keys.
 */
public class Reservations {

    /** How long a second's CAPS counters outlive it; only that second's reservations read them. */
    static final Duration CAPS_COUNTER_TTL = Duration.ofSeconds(10);

    private final RedisScript reserve = RedisScript.classpath("reserve.lua");
    private final RedisScript capsToken = RedisScript.classpath("caps-token.lua");
    private final RedisScript renew = RedisScript.classpath("renew.lua");
    private final RedisScript giveBack = RedisScript.classpath("give-back.lua");
    private final RedisScript release = RedisScript.classpath("release.lua");
    private final UnifiedJedis jedis;

    public Reservations(UnifiedJedis jedis) {
        this.jedis = jedis;
    }

    /**
     * Takes a CAPS token of {@code secondMs} and a concurrency slot (the lease, expiring at
     * {@code leaseUntilMs}) at the campaign, the node and the line, or nothing.
     *
     * @param nowMs leases that expired at or before it are purged first
     * @return {@link Verdict#GRANTED}, or the first level and limit that denied
     */
    public Verdict reserve(Lease lease, Limits limits, long secondMs, long nowMs, long leaseUntilMs) {
        List<String> keys = new ArrayList<>(PacingKeys.caps(lease.route(), secondMs));
        keys.addAll(PacingKeys.leases(lease.route()));
        List<String> args = List.of(
                str(limits.campaignCaps()), str(limits.fsNodeCaps()), str(limits.lineCaps()),
                str(limits.campaignConcurrency()), str(limits.fsNodeSessions()), str(limits.lineConcurrency()),
                lease.id(), str(nowMs), str(leaseUntilMs), str(CAPS_COUNTER_TTL.toMillis()));
        return Verdict.fromCode((Long) reserve.run(jedis, keys, args));
    }

    /**
     * Takes only a CAPS token of {@code secondMs} at the campaign, the node and the line, or nothing:
     * for a call that holds its concurrency lease but missed the second it reserved.
     */
    public Verdict takeCapsToken(Route route, Limits limits, long secondMs) {
        List<String> args = List.of(str(limits.campaignCaps()), str(limits.fsNodeCaps()),
                str(limits.lineCaps()), str(CAPS_COUNTER_TTL.toMillis()));
        return Verdict.fromCode((Long) capsToken.run(jedis, PacingKeys.caps(route, secondMs), args));
    }

    /**
     * Extends the lease to {@code untilMs} at every level where it is still held.
     *
     * @return true if it is held at all three levels
     */
    public boolean renew(Lease lease, long untilMs) {
        Long renewed = (Long) renew.run(jedis, PacingKeys.leases(lease.route()), List.of(lease.id(), str(untilMs)));
        return renewed == 3;
    }

    /** Frees the lease's slot at every level. Idempotent. */
    public void release(Lease lease) {
        release.run(jedis, PacingKeys.leases(lease.route()), List.of(lease.id()));
    }

    /**
     * Returns a reservation of {@code secondMs} that was never used (no call was sent with it): frees
     * the lease and gives its CAPS tokens back. Idempotent.
     */
    public void giveBack(Lease lease, long secondMs) {
        List<String> keys = new ArrayList<>(PacingKeys.caps(lease.route(), secondMs));
        keys.addAll(PacingKeys.leases(lease.route()));
        giveBack.run(jedis, keys, List.of(lease.id()));
    }

    /** The campaign's live leases (calls in flight), after purging those expired at {@code nowMs}. */
    public long inFlight(long poolId, long campaignId, long nowMs) {
        String key = PacingKeys.campaignLeases(poolId, campaignId);
        jedis.zremrangeByScore(key, "-inf", str(nowMs));
        return jedis.zcard(key);
    }

    private static String str(long value) {
        return Long.toString(value);
    }
}
