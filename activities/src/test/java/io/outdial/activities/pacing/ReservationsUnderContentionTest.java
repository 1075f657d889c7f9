package io.outdial.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.StorageExtension;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/**
 * Several threads reserve and release on shared campaigns, nodes and lines with random limits; no
 * level's CAPS or concurrency limit is ever exceeded and every grant holds all three levels.
 */
@ExtendWith(StorageExtension.class)
class ReservationsUnderContentionTest {

    private static final long POOL = 3;
    private static final long FIRST_SECOND = 1_700_000_000_000L;
    private static final List<Long> CAMPAIGNS = List.of(10L, 11L);
    private static final List<String> NODES = List.of("fs1", "fs2");
    private static final List<String> LINES = List.of("line1", "line2", "line3");

    private final JedisPooled jedis;
    private final Reservations reservations;

    ReservationsUnderContentionTest(JedisPooled jedis) {
        this.jedis = jedis;
        this.reservations = new Reservations(jedis);
    }

    private record Limit(int caps, int concurrency) {
    }

    @RepeatedTest(3)
    void noLimitIsEverExceeded() throws Exception {
        Random random = new Random();
        Map<String, Limit> limits = new ConcurrentHashMap<>();
        CAMPAIGNS.forEach(c -> limits.put("c" + c, randomLimit(random)));
        NODES.forEach(n -> limits.put(n, randomLimit(random)));
        LINES.forEach(l -> limits.put(l, randomLimit(random)));
        Map<String, AtomicInteger> grantsPerSecond = new ConcurrentHashMap<>();
        AtomicLong taskIds = new AtomicLong();
        AtomicBoolean running = new AtomicBoolean(true);
        List<String> violations = new java.util.concurrent.CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            Future<?> watcher = pool.submit(() -> {
                while (running.get()) {
                    checkConcurrency(limits, violations);
                }
            });
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                long seed = random.nextLong();
                workers.add(pool.submit(() -> hammer(new Random(seed), limits, grantsPerSecond, taskIds)));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            running.set(false);
            watcher.get();
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        grantsPerSecond.forEach((resourceSecond, grants) -> {
            String resource = resourceSecond.substring(0, resourceSecond.indexOf('@'));
            assertThat(grants.get()).as(resourceSecond).isLessThanOrEqualTo(limits.get(resource).caps());
        });
        assertThat(grantsPerSecond).isNotEmpty();
        assertEveryLeaseIsHeldAtAllThreeLevels();
    }

    private void hammer(Random random, Map<String, Limit> limits, Map<String, AtomicInteger> grantsPerSecond,
                        AtomicLong taskIds) {
        List<Lease> held = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            if (!held.isEmpty() && random.nextInt(10) < 3) {
                reservations.release(held.remove(random.nextInt(held.size())));
                continue;
            }
            long campaign = CAMPAIGNS.get(random.nextInt(CAMPAIGNS.size()));
            String node = NODES.get(random.nextInt(NODES.size()));
            String line = LINES.get(random.nextInt(LINES.size()));
            long second = FIRST_SECOND + 1000L * random.nextInt(3);
            Limit c = limits.get("c" + campaign);
            Limit n = limits.get(node);
            Limit l = limits.get(line);
            Lease lease = Lease.of(new Route(POOL, campaign, node, line), taskIds.incrementAndGet(), 1);
            Verdict verdict = reservations.reserve(lease,
                    new Limits(c.caps(), c.concurrency(), n.caps(), n.concurrency(), l.caps(), l.concurrency()),
                    second, second + 10, second + 3_600_000);
            if (verdict.granted()) {
                held.add(lease);
                for (String resource : List.of("c" + campaign, node, line)) {
                    grantsPerSecond.computeIfAbsent(resource + "@" + second, k -> new AtomicInteger()).incrementAndGet();
                }
            }
        }
    }

    private void checkConcurrency(Map<String, Limit> limits, List<String> violations) {
        for (long campaign : CAMPAIGNS) {
            check(PacingKeys.campaignLeases(POOL, campaign), limits.get("c" + campaign), violations);
        }
        for (String node : NODES) {
            check(PacingKeys.leases(new Route(POOL, 0, node, "x")).get(1), limits.get(node), violations);
        }
        for (String line : LINES) {
            check(PacingKeys.leases(new Route(POOL, 0, "x", line)).get(2), limits.get(line), violations);
        }
    }

    private void check(String key, Limit limit, List<String> violations) {
        long held = jedis.zcard(key);
        if (held > limit.concurrency()) {
            violations.add(key + " held " + held + " > " + limit.concurrency());
        }
    }

    private void assertEveryLeaseIsHeldAtAllThreeLevels() {
        Set<String> byCampaign = new HashSet<>();
        CAMPAIGNS.forEach(c -> byCampaign.addAll(jedis.zrange(PacingKeys.campaignLeases(POOL, c), 0, -1)));
        Set<String> byNode = new HashSet<>();
        NODES.forEach(n -> byNode.addAll(jedis.zrange(PacingKeys.leases(new Route(POOL, 0, n, "x")).get(1), 0, -1)));
        Set<String> byLine = new HashSet<>();
        LINES.forEach(l -> byLine.addAll(jedis.zrange(PacingKeys.leases(new Route(POOL, 0, "x", l)).get(2), 0, -1)));
        assertThat(byNode).isEqualTo(byCampaign);
        assertThat(byLine).isEqualTo(byCampaign);
    }

    private static Limit randomLimit(Random random) {
        return new Limit(1 + random.nextInt(40), 1 + random.nextInt(15));
    }
}
