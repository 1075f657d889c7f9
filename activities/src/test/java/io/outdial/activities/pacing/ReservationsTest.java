package io.outdial.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.StorageExtension;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisClusterCRC16;

@ExtendWith(StorageExtension.class)
class ReservationsTest {

    private static final long SECOND = 1_700_000_000_000L;
    private static final long NOW = SECOND + 100;
    private static final long UNTIL = NOW + 60_000;
    private static final Route ROUTE = new Route(1, 10, "fs1", "line1");
    private static final Limits ROOMY = new Limits(100, 100, 100, 100, 100, 100);

    private final JedisPooled jedis;
    private final Reservations reservations;

    ReservationsTest(JedisPooled jedis) {
        this.jedis = jedis;
        this.reservations = new Reservations(jedis);
    }

    private Lease lease(Route route, long taskId) {
        return Lease.of(route, taskId, 1);
    }

    @Test
    void grantsAndCountsAtEveryLevelWhenEachHasRoom() {
        assertThat(reservations.reserve(lease(ROUTE, 1), ROOMY, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);

        assertThat(PacingKeys.caps(ROUTE, SECOND)).allSatisfy(key -> assertThat(jedis.get(key)).isEqualTo("1"));
        assertThat(PacingKeys.leases(ROUTE)).allSatisfy(key -> assertThat(jedis.zscore(key, "1:1")).isEqualTo(UNTIL));
        assertThat(reservations.inFlight(1, 10, NOW)).isEqualTo(1);
    }

    @Test
    void keysOfOneRouteShareOneClusterSlot() {
        List<String> keys = new java.util.ArrayList<>(PacingKeys.caps(ROUTE, SECOND));
        keys.addAll(PacingKeys.leases(ROUTE));
        keys.add(PacingKeys.fairShare(ROUTE));
        keys.add(PacingKeys.lineLeases(1, "line1") + ":campaign:99"); // another campaign's, read by the script

        assertThat(keys).extracting(JedisClusterCRC16::getSlot).containsOnly(JedisClusterCRC16.getSlot("{pool:1}"));
    }

    @Test
    void aDenialAtTheLineTakesNothingAtTheCampaignOrTheNode() {
        Route otherCampaign = new Route(1, 11, "fs2", "line1");
        Limits oneCallPerSecondOnTheLine = new Limits(100, 100, 100, 100, 1, 100);
        reservations.reserve(lease(otherCampaign, 1), oneCallPerSecondOnTheLine, SECOND, NOW, UNTIL);

        Verdict verdict = reservations.reserve(lease(ROUTE, 2), oneCallPerSecondOnTheLine, SECOND, NOW, UNTIL);

        assertThat(verdict).isEqualTo(Verdict.LINE_CAPS);
        assertThat(jedis.get(PacingKeys.caps(ROUTE, SECOND).get(0))).isNull();
        assertThat(jedis.get(PacingKeys.caps(ROUTE, SECOND).get(1))).isNull();
        assertThat(reservations.inFlight(1, 10, NOW)).isZero();
        assertThat(jedis.zcard(PacingKeys.leases(ROUTE).get(1))).isZero();
    }

    @Nested
    class EachLevelsLimitHolds {

        @Test
        void campaignCaps() {
            assertLimit(new Limits(2, 100, 100, 100, 100, 100), Verdict.CAMPAIGN_CAPS);
        }

        @Test
        void campaignConcurrency() {
            assertLimit(new Limits(100, 2, 100, 100, 100, 100), Verdict.CAMPAIGN_CONCURRENCY);
        }

        @Test
        void nodeCaps() {
            assertLimit(new Limits(100, 100, 2, 100, 100, 100), Verdict.FS_NODE_CAPS);
        }

        @Test
        void nodeSessions() {
            assertLimit(new Limits(100, 100, 100, 2, 100, 100), Verdict.FS_NODE_CONCURRENCY);
        }

        @Test
        void lineCaps() {
            assertLimit(new Limits(100, 100, 100, 100, 2, 100), Verdict.LINE_CAPS);
        }

        @Test
        void lineConcurrency() {
            assertLimit(new Limits(100, 100, 100, 100, 100, 2), Verdict.LINE_CONCURRENCY);
        }

        private void assertLimit(Limits limits, Verdict expectedDenial) {
            assertThat(reservations.reserve(lease(ROUTE, 1), limits, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);
            assertThat(reservations.reserve(lease(ROUTE, 2), limits, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);
            assertThat(reservations.reserve(lease(ROUTE, 3), limits, SECOND, NOW, UNTIL)).isEqualTo(expectedDenial);
        }
    }

    @Test
    void capsCountsPerWholeSecond() {
        Limits oneCallPerSecond = new Limits(1, 100, 100, 100, 100, 100);
        reservations.reserve(lease(ROUTE, 1), oneCallPerSecond, SECOND, NOW, UNTIL);

        assertThat(reservations.reserve(lease(ROUTE, 2), oneCallPerSecond, SECOND, NOW + 800, UNTIL))
                .isEqualTo(Verdict.CAMPAIGN_CAPS);
        assertThat(reservations.reserve(lease(ROUTE, 2), oneCallPerSecond, SECOND + 1000, NOW + 1000, UNTIL))
                .isEqualTo(Verdict.GRANTED);
    }

    @Test
    void aDeadWorkersLeaseFreesItsSlotWhenItExpires() {
        Limits oneAtATime = new Limits(100, 1, 100, 100, 100, 100);
        reservations.reserve(lease(ROUTE, 1), oneAtATime, SECOND, NOW, NOW + 5_000);

        assertThat(reservations.reserve(lease(ROUTE, 2), oneAtATime, SECOND, NOW + 4_999, UNTIL))
                .isEqualTo(Verdict.CAMPAIGN_CONCURRENCY);
        assertThat(reservations.reserve(lease(ROUTE, 2), oneAtATime, SECOND + 5_000, NOW + 5_000, UNTIL))
                .isEqualTo(Verdict.GRANTED);
        assertThat(reservations.inFlight(1, 10, NOW + 5_000)).isEqualTo(1);
    }

    @Test
    void aRenewedLeaseOutlivesItsFirstExpiry() {
        Limits oneAtATime = new Limits(100, 1, 100, 100, 100, 100);
        Lease first = lease(ROUTE, 1);
        reservations.reserve(first, oneAtATime, SECOND, NOW, NOW + 5_000);

        assertThat(reservations.renew(first, NOW + 20_000)).isTrue();

        assertThat(reservations.reserve(lease(ROUTE, 2), oneAtATime, SECOND + 10_000, NOW + 10_000, UNTIL))
                .isEqualTo(Verdict.CAMPAIGN_CONCURRENCY);
    }

    @Test
    void aLeaseOnceExpiredAndPurgedIsNotRenewed() {
        Limits oneAtATime = new Limits(100, 1, 100, 100, 100, 100);
        Lease first = lease(ROUTE, 1);
        reservations.reserve(first, oneAtATime, SECOND, NOW, NOW + 5_000);
        reservations.reserve(lease(ROUTE, 2), oneAtATime, SECOND + 6_000, NOW + 6_000, NOW + 60_000);

        assertThat(reservations.renew(first, NOW + 20_000)).isFalse();
        assertThat(reservations.inFlight(1, 10, NOW + 7_000)).isEqualTo(1);
    }

    @Test
    void releaseFreesTheSlotAtEveryLevelAndIsIdempotent() {
        Limits oneAtATime = new Limits(100, 1, 100, 1, 100, 1);
        Lease first = lease(ROUTE, 1);
        reservations.reserve(first, oneAtATime, SECOND, NOW, UNTIL);

        reservations.release(first);
        reservations.release(first);

        assertThat(PacingKeys.leases(ROUTE)).allSatisfy(key -> assertThat(jedis.zcard(key)).isZero());
        assertThat(reservations.reserve(lease(ROUTE, 2), oneAtATime, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void givingBackAnUnusedReservationReturnsItsCapsTokenOnce() {
        Limits oneCallPerSecond = new Limits(1, 100, 1, 100, 1, 100);
        Lease unused = lease(ROUTE, 1);
        reservations.reserve(unused, oneCallPerSecond, SECOND, NOW, UNTIL);

        reservations.giveBack(unused, SECOND);
        reservations.giveBack(unused, SECOND);

        assertThat(PacingKeys.caps(ROUTE, SECOND)).allSatisfy(key -> assertThat(jedis.get(key)).isEqualTo("0"));
        assertThat(reservations.inFlight(1, 10, NOW)).isZero();
        assertThat(reservations.reserve(lease(ROUTE, 2), oneCallPerSecond, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);
    }

    @Test
    void aCapsOnlyTokenCountsAgainstTheSecondButTakesNoSlot() {
        Limits oneCallPerSecondOnTheNode = new Limits(100, 100, 1, 100, 100, 100);

        assertThat(reservations.takeCapsToken(ROUTE, oneCallPerSecondOnTheNode, SECOND)).isEqualTo(Verdict.GRANTED);
        assertThat(reservations.takeCapsToken(ROUTE, oneCallPerSecondOnTheNode, SECOND)).isEqualTo(Verdict.FS_NODE_CAPS);
        assertThat(reservations.reserve(lease(ROUTE, 1), oneCallPerSecondOnTheNode, SECOND, NOW, UNTIL))
                .isEqualTo(Verdict.FS_NODE_CAPS);
        assertThat(reservations.inFlight(1, 10, NOW)).isZero();
    }

    @Test
    void scriptsAreLoadedAgainAfterRedisForgetsThem() {
        reservations.reserve(lease(ROUTE, 1), ROOMY, SECOND, NOW, UNTIL);
        jedis.scriptFlush();

        assertThat(reservations.reserve(lease(ROUTE, 2), ROOMY, SECOND, NOW, UNTIL)).isEqualTo(Verdict.GRANTED);
    }
}
