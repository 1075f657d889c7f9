package io.outdial.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.campaign.Pacing;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The stream registry on its own: the bound on open streams, and slots freed when a campaign ends. */
class StatsStreamsTest {

    private final AtomicReference<String> status = new AtomicReference<>("RUNNING");
    private final AtomicInteger reads = new AtomicInteger();

    @Test
    void oneStreamMoreThanTheLimitIsUnavailableUntilAStreamEnds() {
        try (StatsStreams streams = new StatsStreams(this::stats,
                new StatsStreamProperties(2, Duration.ofMillis(50), Duration.ofMinutes(1)))) {
            streams.open(1);
            streams.open(1);
            assertThatThrownBy(() -> streams.open(2)).isInstanceOfSatisfying(ApiProblem.class, problem -> {
                assertThat(problem.type()).isEqualTo(ProblemType.UNAVAILABLE);
                assertThat(problem.type().status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
            });

            status.set("COMPLETED");
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 0);
            streams.open(2);
            assertThat(streams.openStreams()).isEqualTo(1);
        }
    }

    @Test
    void everyTickReadsACampaignsStatsOnceForAllItsStreams() {
        try (StatsStreams streams = new StatsStreams(this::stats,
                new StatsStreamProperties(10, Duration.ofMillis(200), Duration.ofMinutes(1)))) {
            for (int i = 0; i < 5; i++) {
                streams.open(7);
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> reads.get() >= 3);
            status.set("CANCELLED");
            await().atMost(Duration.ofSeconds(5)).until(() -> streams.openStreams() == 0);
            // five streams, one read per tick: never five reads in a row for one tick
            assertThat(reads.get()).isLessThan(15);
        }
    }

    private CampaignStats stats(long campaignId) {
        reads.incrementAndGet();
        return new CampaignStats(campaignId, status.get(), Map.of(), 0, Map.of(), Map.of(), 0L, 0, 0, 0,
                new Pacing(1, 1), null, Instant.now());
    }
}
