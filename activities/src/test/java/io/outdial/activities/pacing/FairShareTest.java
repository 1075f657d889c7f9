package io.outdial.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.outdial.activities.testsupport.StorageExtension;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/**
 * Campaigns competing for one saturated line, one round per campaign per simulated second in a
 * shuffled order, each round reserving until it is denied (as a round does).
 */
@ExtendWith(StorageExtension.class)
class FairShareTest {

    private static final long POOL = 7;
    private static final long FIRST_SECOND = 1_700_000_000_000L;
    private static final int SECONDS = 40;

    private final JedisPooled jedis;
    private final Reservations reservations;
    private final AtomicLong taskIds = new AtomicLong();
    private final Random random = new Random(42);

    FairShareTest(JedisPooled jedis) {
        this.jedis = jedis;
        this.reservations = new Reservations(jedis);
    }

    /** A campaign on the shared line, through its own FS node (so only the line is contended). */
    private record Campaign(long id, int weight, int demand) {
        Route route() {
            return new Route(POOL, id, "fs" + id, "shared");
        }
    }

    /** Grants per campaign id, per simulated second. */
    private List<Map<Long, Integer>> run(List<Campaign> campaigns, int lineCaps, int lineConcurrency,
                                         long leaseMs) {
        return run(campaigns, lineCaps, lineConcurrency, leaseMs, SECONDS);
    }

    private List<Map<Long, Integer>> run(List<Campaign> campaigns, int lineCaps, int lineConcurrency,
                                         long leaseMs, int seconds) {
        List<Map<Long, Integer>> perSecond = new ArrayList<>();
        for (int s = 0; s < seconds; s++) {
            long second = FIRST_SECOND + 1000L * s;
            long now = second + 20;
            Map<Long, Integer> grants = new LinkedHashMap<>();
            List<Campaign> order = new ArrayList<>(campaigns);
            Collections.shuffle(order, random);
            for (Campaign c : order) {
                Limits limits = new Limits(1000, 10_000, 1000, 10_000, lineCaps, lineConcurrency);
                int granted = 0;
                while (granted < c.demand()) {
                    Lease lease = Lease.of(c.route(), taskIds.incrementAndGet(), 1);
                    Verdict verdict = reservations.reserve(lease, limits, new FairClaim(c.weight(), c.demand()),
                            second, now, now + leaseMs);
                    if (!verdict.granted()) {
                        assertThat(verdict.level()).isEqualTo(Verdict.Level.LINE);
                        break;
                    }
                    granted++;
                }
                grants.put(c.id(), granted);
            }
            perSecond.add(grants);
        }
        return perSecond;
    }

    private static Map<Long, Integer> totalsAfterTheFirstSecond(List<Map<Long, Integer>> perSecond) {
        Map<Long, Integer> totals = new LinkedHashMap<>();
        perSecond.subList(1, perSecond.size()).forEach(second ->
                second.forEach((campaign, grants) -> totals.merge(campaign, grants, Integer::sum)));
        return totals;
    }

    @Test
    void campaignsWantingMoreThanTheLineGivesSplitItsCapsByTheirWeights() {
        List<Campaign> campaigns = List.of(new Campaign(1, 1, 100), new Campaign(2, 2, 100), new Campaign(3, 3, 100));

        List<Map<Long, Integer>> perSecond = run(campaigns, 60, 10_000, 500);

        Map<Long, Integer> totals = totalsAfterTheFirstSecond(perSecond);
        double all = totals.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(all).as("the line is used to its CAPS").isEqualTo(60.0 * (SECONDS - 1));
        assertThat(totals.get(1L) / all).isCloseTo(1 / 6.0, within(0.01));
        assertThat(totals.get(2L) / all).isCloseTo(2 / 6.0, within(0.01));
        assertThat(totals.get(3L) / all).isCloseTo(3 / 6.0, within(0.01));
    }

    @Test
    void manyCampaignsOnALineSmallerThanTheirNumberSplitItByWeightOverTime() {
        // 10 campaigns, weights summing to 19, on a 5-CAPS line: every share is below one token a second
        int[] weights = {1, 2, 3, 1, 2, 3, 1, 2, 3, 1};
        List<Campaign> campaigns = new ArrayList<>();
        for (int i = 0; i < weights.length; i++) {
            campaigns.add(new Campaign(i + 1, weights[i], 10));
        }

        List<Map<Long, Integer>> perSecond = run(campaigns, 5, 10_000, 500, 120);

        Map<Long, Integer> totals = totalsAfterTheFirstSecond(perSecond);
        double all = totals.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(all).as("the line is used to its CAPS").isEqualTo(5.0 * 119);
        for (Campaign c : campaigns) {
            double expected = c.weight() / 19.0;
            assertThat(totals.get(c.id()) / all).as("campaign %d of weight %d", c.id(), c.weight())
                    .isCloseTo(expected, within(expected * 0.1));
        }
        for (Campaign c : campaigns) {
            int idle = 0;
            for (Map<Long, Integer> second : perSecond.subList(1, perSecond.size())) {
                idle = second.get(c.id()) > 0 ? 0 : idle + 1;
                assertThat(idle).as("seconds campaign %d waits for a call", c.id()).isLessThanOrEqualTo(8);
            }
        }
    }

    @Test
    void noCampaignStarvesEvenWithATinyWeight() {
        List<Campaign> campaigns = List.of(new Campaign(1, 1, 100), new Campaign(2, 1000, 100));

        List<Map<Long, Integer>> perSecond = run(campaigns, 10, 10_000, 500);

        perSecond.subList(1, perSecond.size()).forEach(second -> assertThat(second.get(1L)).isPositive());
    }

    @Test
    void aLightCampaignGetsAllItAsksAndLeavesTheRestToTheOthers() {
        List<Campaign> campaigns = List.of(new Campaign(1, 1, 5), new Campaign(2, 1, 100), new Campaign(3, 1, 100));

        List<Map<Long, Integer>> perSecond = run(campaigns, 50, 10_000, 500);

        perSecond.subList(1, perSecond.size()).forEach(second -> {
            assertThat(second.get(1L)).isEqualTo(5);
            assertThat(second.get(2L) + second.get(3L)).isEqualTo(45);
            assertThat(second.get(2L)).isBetween(22, 23);
        });
    }

    @Test
    void aCampaignAloneOnTheLineGetsAllOfIt() {
        List<Map<Long, Integer>> perSecond = run(List.of(new Campaign(1, 1, 100)), 50, 10_000, 500);

        assertThat(perSecond).allSatisfy(second -> assertThat(second.get(1L)).isEqualTo(50));
    }

    @Test
    void concurrencyOfASaturatedLineIsSharedByWeightAsCallsEnd() {
        // calls last 3 s, the line holds 30 at once and would take 1,000 a second: concurrency binds
        List<Campaign> campaigns = List.of(new Campaign(1, 1, 100), new Campaign(2, 2, 100));

        List<Map<Long, Integer>> perSecond = run(campaigns, 1000, 30, 3000);

        Map<Long, Integer> totals = totalsAfterTheFirstSecond(perSecond.subList(6, perSecond.size()));
        double all = totals.values().stream().mapToInt(Integer::intValue).sum();
        assertThat(totals.get(1L) / all).isCloseTo(1 / 3.0, within(0.03));
        assertThat(totals.get(2L) / all).isCloseTo(2 / 3.0, within(0.03));
    }

    @Test
    void capsKeptForACampaignBelowItsShareIsFreedAfterTheBorrowPoint() {
        Campaign small = new Campaign(1, 1, 100);
        Campaign big = new Campaign(2, 1, 100);
        Limits limits = new Limits(1000, 10_000, 1000, 10_000, 10, 10_000);
        long now = FIRST_SECOND + 20;
        reservations.reserve(Lease.of(small.route(), 1, 1), limits, new FairClaim(1, 100), FIRST_SECOND, now, now + 500);
        int early = 0;
        Verdict denied;
        while ((denied = reservations.reserve(Lease.of(big.route(), taskIds.incrementAndGet() + 100, 1), limits,
                new FairClaim(1, 100), FIRST_SECOND, now, now + 500)).granted()) {
            early++;
        }

        Verdict late = reservations.reserve(Lease.of(big.route(), 999, 1), limits, new FairClaim(1, 100),
                FIRST_SECOND, FIRST_SECOND + 600, FIRST_SECOND + 1100);

        assertThat(early).isEqualTo(5);
        assertThat(denied).isEqualTo(Verdict.LINE_FAIR_SHARE);
        assertThat(late).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void aSingleCallKeepsTheWeightItsCampaignsRoundsRegistered() {
        Campaign heavy = new Campaign(1, 3, 50);
        Limits limits = new Limits(1000, 10_000, 1000, 10_000, 100, 10_000);
        long now = FIRST_SECOND + 20;
        reservations.reserve(Lease.of(heavy.route(), 1, 1), limits, new FairClaim(3, 50), FIRST_SECOND, now, now + 500);

        reservations.reserve(Lease.of(heavy.route(), 2, 1), limits, FIRST_SECOND + 1000, now + 1000, now + 1500);

        assertThat(jedis.hget(PacingKeys.fairShare(heavy.route()), "1")).startsWith("3:1:");
    }
}
