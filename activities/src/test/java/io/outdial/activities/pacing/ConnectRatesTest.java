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
    void countersShareThePoolsClusterSlot() {
        assertThat(JedisClusterCRC16.getSlot(ConnectRates.key(1, "l1", 5)))
                .isEqualTo(JedisClusterCRC16.getSlot("{pool:1}"));
    }
}
