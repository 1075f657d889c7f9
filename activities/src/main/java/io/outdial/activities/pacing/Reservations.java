package io.outdial.activities.pacing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;

/**
 * Reserves calls against the CAPS and concurrency limits of a campaign, an FS node and a line, each
 * reservation in one atomic Redis script: all levels or none, and no more of a shared line than the
 * campaign's fair share while others want theirs. Times are arguments, so a test's clock drives
 * lease expiry. See the package documentation for the keys and the fair-share algorithm.
 */
public class Reservations {

    /** How long a second's CAPS counters outlive it; only that second's reservations read them. */
    static final Duration CAPS_COUNTER_TTL = Duration.ofSeconds(10);
    /** How long a line's fair-share state outlives its last reservation. */
    static final Duration FAIR_SHARE_TTL = Duration.ofMinutes(1);

    private final RedisScript reserve = RedisScript.classpath("reserve.lua");
    private final RedisScript capsToken = RedisScript.classpath("caps-token.lua");
    private final RedisScript renew = RedisScript.classpath("renew.lua");
    private final RedisScript giveBack = RedisScript.classpath("give-back.lua");
    private final RedisScript release = RedisScript.classpath("release.lua");
    private final RedisScript settle = RedisScript.classpath("settle.lua");
    private final UnifiedJedis jedis;
    private final FairShareSettings fairShare;
    private final ReservationMetrics metrics;

    /** Default fair-share settings, no meters. */
    public Reservations(UnifiedJedis jedis) {
        this(jedis, FairShareSettings.defaults(), new CompositeMeterRegistry(), Clock.systemUTC());
    }

    /**
     * @param meters where {@link ReservationMetrics} registers its meters
     * @param clock  reads the in-flight gauges (expired leases do not count)
     */
    public Reservations(UnifiedJedis jedis, FairShareSettings fairShare, MeterRegistry meters, Clock clock) {
        this.jedis = jedis;
        this.fairShare = fairShare;
        this.metrics = new ReservationMetrics(meters, jedis, clock);
    }

    /** {@link #reserve(Lease, Limits, FairClaim, long, long, long)} with {@link FairClaim#single()}. */
    public Verdict reserve(Lease lease, Limits limits, long secondMs, long nowMs, long leaseUntilMs) {
        return reserve(lease, limits, FairClaim.single(), secondMs, nowMs, leaseUntilMs);
    }

    /**
     * Takes a CAPS token of {@code secondMs} and a concurrency slot (the lease, expiring at
     * {@code leaseUntilMs}) at the campaign, the node and the line, or nothing. On the line, a campaign
     * above its fair share gets only what the campaigns below theirs leave.
     *
     * @param claim the campaign's weight and how many calls it wants this second
     * @param nowMs leases that expired at or before it are purged first
     * @return {@link Verdict#GRANTED}, or the first level and limit that denied
     */
    public Verdict reserve(Lease lease, Limits limits, FairClaim claim, long secondMs, long nowMs,
                           long leaseUntilMs) {
        Route route = lease.route();
        List<String> keys = new ArrayList<>(PacingKeys.caps(route, secondMs));
        keys.addAll(PacingKeys.leases(route));
        keys.add(PacingKeys.fairShare(route));
        List<String> args = List.of(
                str(limits.campaignCaps()), str(limits.fsNodeCaps()), str(limits.lineCaps()),
                str(limits.campaignConcurrency()), str(limits.fsNodeSessions()), str(limits.lineConcurrency()),
                lease.id(), str(nowMs), str(leaseUntilMs), str(CAPS_COUNTER_TTL.toMillis()),
                str(route.campaignId()), str(claim.weight()), str(claim.demand()), str(epochSecond(secondMs)),
                str(fairShare.activeWindow().toMillis()), str(secondMs + fairShare.borrowAfter().toMillis()),
                str(FAIR_SHARE_TTL.toMillis()));
        Verdict verdict = Verdict.fromCode((Long) reserve.run(jedis, keys, args));
        metrics.record(route, verdict);
        return verdict;
    }

    /**
     * Takes only a CAPS token of {@code secondMs} at the campaign, the node and the line, or nothing:
     * for a call that holds its concurrency lease but missed the second it reserved. Such late tokens
     * respect every limit but are not counted in fair shares.
     */
    public Verdict takeCapsToken(Route route, Limits limits, long secondMs) {
        List<String> args = List.of(str(limits.campaignCaps()), str(limits.fsNodeCaps()),
                str(limits.lineCaps()), str(CAPS_COUNTER_TTL.toMillis()));
        Verdict verdict = Verdict.fromCode((Long) capsToken.run(jedis, PacingKeys.caps(route, secondMs), args));
        metrics.record(route, verdict);
        return verdict;
    }

    /**
     * Extends the lease to {@code untilMs} at every level where it is still held.
     *
     * @return true if it is held at every level
     */
    public boolean renew(Lease lease, long untilMs) {
        List<String> keys = PacingKeys.leases(lease.route());
        Long renewed = (Long) renew.run(jedis, keys, List.of(lease.id(), str(untilMs)));
        return renewed == keys.size();
    }

    /** Frees the lease's slot at every level. Idempotent. */
    public void release(Lease lease) {
        release.run(jedis, PacingKeys.leases(lease.route()), List.of(lease.id()));
    }

    /**
     * Returns a reservation of {@code secondMs} that was never used (no call was sent with it): frees
     * the lease and gives its CAPS tokens back. Idempotent.
     *
     * @return the levels (campaign, node, line) whose token came back: 3, or 0 if the lease was no
     *         longer held (released, given back or expired before)
     */
    public int giveBack(Lease lease, long secondMs) {
        Route route = lease.route();
        List<String> keys = new ArrayList<>(PacingKeys.caps(route, secondMs));
        keys.addAll(PacingKeys.leases(route));
        keys.add(PacingKeys.fairShare(route));
        Long returned = (Long) giveBack.run(jedis, keys,
                List.of(lease.id(), str(route.campaignId()), str(epochSecond(secondMs))));
        return returned.intValue();
    }

    /**
     * Ends a campaign's claim of {@code secondMs} on lines that did not deny it: its round took all
     * it wanted there, so its demand on each is what it got (nothing on a line it did not use), and the
     * others need not keep room for it until its next round.
     */
    public void settle(long poolId, long campaignId, List<String> lineIds, long secondMs) {
        if (lineIds.isEmpty()) {
            return;
        }
        List<String> keys = lineIds.stream()
                .map(lineId -> PacingKeys.fairShare(new Route(poolId, campaignId, "", lineId)))
                .toList();
        settle.run(jedis, keys, List.of(str(campaignId), str(epochSecond(secondMs))));
    }

    /** The campaign's live leases (calls in flight), after purging those expired at {@code nowMs}. */
    public long inFlight(long poolId, long campaignId, long nowMs) {
        String key = PacingKeys.campaignLeases(poolId, campaignId);
        jedis.zremrangeByScore(key, "-inf", str(nowMs));
        return jedis.zcard(key);
    }

    private static long epochSecond(long secondMs) {
        return Math.floorDiv(secondMs, 1000L);
    }

    private static String str(long value) {
        return Long.toString(value);
    }
}
