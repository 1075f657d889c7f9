package io.outdial.activities.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.StorageExtension;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.util.JedisClusterCRC16;

@ExtendWith(StorageExtension.class)
class ConnectRatesTest {

    /** A whole minute, epoch ms. */
    private static final long MINUTE = 1_800_000_000_000L;

    private final ConnectRates rates;

    ConnectRatesTest(JedisPooled jedis) {
        this.rates = new ConnectRates(jedis);
    }

    private void calls(String line, int attempts, int connects, long atMs) {
        for (int i = 0; i < attempts; i++) {
            rates.record(1, line, i < connects, atMs);
        }
    }

    @Test
    void aLineWithMoreConnectsScoresHigher() {
        calls("good", 100, 60, MINUTE);
        calls("poor", 100, 10, MINUTE);

        Map<String, Double> scores = rates.rates(1, List.of("good", "poor"), MINUTE + 1000);

        assertThat(scores.get("good")).isGreaterThan(scores.get("poor"));
        assertThat(scores.get("good")).isBetween(0.55, 0.62);
    }

    @Test
    void recentMinutesWeighMoreThanOlderOnes() {
        calls("recovered", 100, 0, MINUTE);
        calls("recovered", 100, 60, MINUTE + 180_000);
        calls("failing", 100, 60, MINUTE);
        calls("failing", 100, 0, MINUTE + 180_000);

        Map<String, Double> scores = rates.rates(1, List.of("recovered", "failing"), MINUTE + 185_000);

        assertThat(scores.get("recovered")).isGreaterThan(0.45);
        assertThat(scores.get("failing")).isLessThan(0.15);
    }

    @Test
    void aLineWithoutHistoryStartsWithAnOptimisticRateAndOldHistoryIsForgotten() {
        calls("old", 100, 0, MINUTE);

        Map<String, Double> scores = rates.rates(1, List.of("new", "old"), MINUTE + 6 * 60_000);

        assertThat(scores.get("new")).isEqualTo(0.5);
        assertThat(scores.get("old")).isEqualTo(0.5);
    }

    @Test
    void theWindowSumsAttemptsConnectsAndLineFaultsOfItsMinutesOnly() {
        rates.record(1, "l1", false, true, MINUTE - 60_000);
        rates.record(1, "l1", true, false, MINUTE);
        rates.record(1, "l1", false, true, MINUTE + 60_000);
        rates.record(1, "l1", false, false, MINUTE + 61_000);

        Map<String, LineCounts> lastTwo = rates.window(1, List.of("l1", "l2"), Map.of(), MINUTE + 65_000, 2);
        Map<String, LineCounts> sinceLastMinute = rates.window(1, List.of("l1"), Map.of("l1", MINUTE + 30_000),
                MINUTE + 65_000, 3);

        assertThat(lastTwo.get("l1")).isEqualTo(new LineCounts(3, 1, 1));
        assertThat(lastTwo.get("l2")).isEqualTo(LineCounts.NONE);
        assertThat(sinceLastMinute.get("l1")).as("only minutes begun after the line's since")
                .isEqualTo(new LineCounts(2, 0, 1));
        assertThat(rates.totals(1, List.of("l1")).get("l1")).isEqualTo(new LineCounts(4, 1, 2));
    }

    @Test
    void countsSinceABaseRestartFromZeroWhenTheCountersWentBackwards() {
        LineCounts base = new LineCounts(10, 4, 2);

        assertThat(new LineCounts(13, 5, 2).since(base)).isEqualTo(new LineCounts(3, 1, 0));
        assertThat(new LineCounts(2, 1, 0).since(base)).isEqualTo(new LineCounts(2, 1, 0));
    }

    @Test
    void countersShareThePoolsClusterSlot() {
        assertThat(JedisClusterCRC16.getSlot(ConnectRates.totalKey(1, "l1")))
                .isEqualTo(JedisClusterCRC16.getSlot("{pool:1}"));
        assertThat(JedisClusterCRC16.getSlot(ConnectRates.key(1, "l1", 5)))
                .isEqualTo(JedisClusterCRC16.getSlot("{pool:1}"));
    }
}
