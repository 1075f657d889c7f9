package io.outdial.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Concurrent campaigns with random weights, demands and limits hammer the reservation script on
 * shared nodes and lines: they reserve, release, give back, and sometimes die holding their leases,
 * while a simulated clock moves on. A checker proves that no CAPS counter of a campaign, node or line
 * second and no concurrency count ever passes its limit, from the grants recorded and from Redis.
 */
@ExtendWith(StorageExtension.class)
class ConcurrentCampaignsInvariantTest {

    private static final long POOL = 5;
    private static final long START = 1_700_000_000_000L;
    private static final List<String> NODES = List.of("fs1", "fs2");
    private static final List<String> LINES = List.of("line1", "line2", "line3");
    private static final int CAMPAIGNS = 4;
    private static final int OPERATIONS = 400;
    private static final long MAX_LEASE_MS = 4_000;

    private final JedisPooled jedis;
    private final Reservations reservations;
    private final MutableClock clock = new MutableClock(START);

    ConcurrentCampaignsInvariantTest(JedisPooled jedis) {
        this.jedis = jedis;
        this.reservations = new Reservations(jedis);
    }

    private record Limit(int caps, int concurrency) {
    }

    @RepeatedTest(3)
    void noCapsOrConcurrencyLimitIsEverExceededAndDeadWorkersLeasesFreeThemselves() throws Exception {
        Random random = new Random();
        Map<String, Limit> limits = new ConcurrentHashMap<>();
        for (int c = 1; c <= CAMPAIGNS; c++) {
            limits.put("c" + c, new Limit(1 + random.nextInt(30), 1 + random.nextInt(20)));
        }
        NODES.forEach(n -> limits.put(n, new Limit(5 + random.nextInt(40), 5 + random.nextInt(30))));
        LINES.forEach(l -> limits.put(l, new Limit(1 + random.nextInt(25), 1 + random.nextInt(20))));
        Map<String, AtomicInteger> grantsPerSecond = new ConcurrentHashMap<>();
        List<String> violations = new CopyOnWriteArrayList<>();
        AtomicLong taskIds = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger granted = new AtomicInteger();

        ExecutorService threads = Executors.newFixedThreadPool(CAMPAIGNS + 1);
        try {
            Future<?> checker = threads.submit(() -> {
                while (running.get()) {
                    checkRedis(limits, violations);
                }
            });
            List<Future<?>> campaigns = new ArrayList<>();
            for (int c = 1; c <= CAMPAIGNS; c++) {
                long campaign = c;
                long seed = random.nextLong();
                campaigns.add(threads.submit(() -> hammer(campaign, new Random(seed), limits, grantsPerSecond,
                        taskIds, granted)));
            }
            for (Future<?> campaign : campaigns) {
                campaign.get();
            }
            running.set(false);
            checker.get();
        } finally {
            threads.shutdownNow();
        }
        checkRedis(limits, violations);

        assertThat(violations).isEmpty();
        assertThat(granted.get()).isPositive();
        grantsPerSecond.forEach((resourceSecond, grants) -> {
            String resource = resourceSecond.substring(0, resourceSecond.indexOf('@'));
            assertThat(grants.get()).as(resourceSecond).isLessThanOrEqualTo(limits.get(resource).caps());
        });
        assertEveryLeaseIsHeldAtEveryLevel();
        assertDeadLeasesExpire(limits);
    }

    /** One campaign: its rounds reserve, its calls end (release) or never start (give back), its workers die. */
    private void hammer(long campaign, Random random, Map<String, Limit> limits,
                        Map<String, AtomicInteger> grantsPerSecond, AtomicLong taskIds, AtomicInteger granted) {
        FairClaim claim = new FairClaim(1 + random.nextInt(5), 1 + random.nextInt(40));
        List<Lease> held = new ArrayList<>();
        List<Long> heldSeconds = new ArrayList<>();
        for (int i = 0; i < OPERATIONS; i++) {
            clock.advance(Duration.ofMillis(random.nextInt(12)));
            int action = random.nextInt(20);
            if (!held.isEmpty() && action < 4) {
                int k = random.nextInt(held.size());
                reservations.release(held.remove(k));
                heldSeconds.remove(k);
                continue;
            }
            if (!held.isEmpty() && action == 4) {
                int k = random.nextInt(held.size());
                Lease unused = held.remove(k);
                long second = heldSeconds.remove(k);
                if (reservations.giveBack(unused, second) == 3) {
                    // its tokens came back and may be granted again: no longer counted as a grant
                    resources(unused.route()).forEach(r -> grantsPerSecond.get(r + "@" + second).decrementAndGet());
                }
                continue;
            }
            if (action == 5) {
                held.clear(); // the worker dies: its leases stay in Redis until they expire
                heldSeconds.clear();
                continue;
            }
            String node = NODES.get(random.nextInt(NODES.size()));
            String line = LINES.get(random.nextInt(LINES.size()));
            long now = clock.millis();
            long second = now - Math.floorMod(now, 1000L);
            Limit c = limits.get("c" + campaign);
            Limit n = limits.get(node);
            Limit l = limits.get(line);
            Lease lease = Lease.of(new Route(POOL, campaign, node, line), taskIds.incrementAndGet(), 1);
            Verdict verdict = reservations.reserve(lease,
                    new Limits(c.caps(), c.concurrency(), n.caps(), n.concurrency(), l.caps(), l.concurrency()),
                    claim, second, now, now + 500 + random.nextInt((int) MAX_LEASE_MS - 500));
            if (verdict.granted()) {
                granted.incrementAndGet();
                held.add(lease);
                heldSeconds.add(second);
                for (String resource : resources(lease.route())) {
                    grantsPerSecond.computeIfAbsent(resource + "@" + second, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    private static List<String> resources(Route route) {
        return List.of("c" + route.campaignId(), route.fsNodeId(), route.lineId());
    }

    /** Every CAPS counter and lease set in Redis is within its limit. */
    private void checkRedis(Map<String, Limit> limits, List<String> violations) {
        for (String key : scan("pace:{pool:" + POOL + "}:caps:*")) {
            // pace:{pool:P}:caps:<level>:<id>:<epochSecond>
            String[] parts = key.substring(key.indexOf(":caps:") + ":caps:".length()).split(":");
            String resource = parts[0].equals("campaign") ? "c" + parts[1] : parts[1];
            String value = jedis.get(key);
            if (value != null && Long.parseLong(value) > limits.get(resource).caps()) {
                violations.add(key + " = " + value + " > " + limits.get(resource).caps());
            }
        }
        for (int c = 1; c <= CAMPAIGNS; c++) {
            checkLeases(PacingKeys.campaignLeases(POOL, c), limits.get("c" + c), violations);
        }
        NODES.forEach(n -> checkLeases(PacingKeys.nodeLeases(POOL, n), limits.get(n), violations));
        LINES.forEach(l -> checkLeases(PacingKeys.lineLeases(POOL, l), limits.get(l), violations));
    }

    private void checkLeases(String key, Limit limit, List<String> violations) {
        long live = jedis.zcount(key, Long.toString(clock.millis() + 1), "+inf");
        long held = jedis.zcard(key);
        if (live > limit.concurrency() || held > limit.concurrency()) {
            violations.add(key + " held " + held + " (" + live + " live) > " + limit.concurrency());
        }
    }

    private Set<String> scan(String pattern) {
        Set<String> keys = new HashSet<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> page = jedis.scan(cursor, new ScanParams().match(pattern).count(500));
            keys.addAll(page.getResult());
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return keys;
    }

    /** The live (unexpired) leases are the same at every level. */
    private void assertEveryLeaseIsHeldAtEveryLevel() {
        Set<String> byCampaign = new HashSet<>();
        Set<String> byCampaignOnLine = new HashSet<>();
        for (int c = 1; c <= CAMPAIGNS; c++) {
            byCampaign.addAll(live(PacingKeys.campaignLeases(POOL, c)));
            for (String line : LINES) {
                byCampaignOnLine.addAll(live(PacingKeys.lineLeases(POOL, line) + ":campaign:" + c));
            }
        }
        Set<String> byNode = new HashSet<>();
        NODES.forEach(n -> byNode.addAll(live(PacingKeys.nodeLeases(POOL, n))));
        Set<String> byLine = new HashSet<>();
        LINES.forEach(l -> byLine.addAll(live(PacingKeys.lineLeases(POOL, l))));
        assertThat(byNode).isEqualTo(byCampaign);
        assertThat(byLine).isEqualTo(byCampaign);
        assertThat(byCampaignOnLine).isEqualTo(byCampaign);
    }

    private List<String> live(String leaseKey) {
        return jedis.zrangeByScore(leaseKey, "(" + clock.millis(), "+inf");
    }

    /** Once every lease has expired, each line takes its full concurrency again: dead workers leaked nothing. */
    private void assertDeadLeasesExpire(Map<String, Limit> limits) {
        clock.advance(Duration.ofMillis(MAX_LEASE_MS + 1000));
        long now = clock.millis();
        long second = now - Math.floorMod(now, 1000L);
        for (String line : LINES) {
            Limit l = limits.get(line);
            int slots = 0;
            for (int i = 0; i < l.concurrency() + 1; i++) {
                // a new second per call, so only the line's concurrency can deny
                long at = second + 1000L * (i + 1);
                Route fresh = new Route(POOL, 100 + LINES.indexOf(line), "fs-fresh-" + line, line);
                Lease lease = Lease.of(fresh, 1_000_000 + i, 1);
                if (reservations.reserve(lease, new Limits(1, 1000, 1, 1000, 1, l.concurrency()), at, at, at + 600_000)
                        .granted()) {
                    slots++;
                }
            }
            assertThat(slots).as(line).isEqualTo(l.concurrency());
        }
    }
}
