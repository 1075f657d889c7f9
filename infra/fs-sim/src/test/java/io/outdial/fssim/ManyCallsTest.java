package io.outdial.fssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Thousands of concurrent calls on a few connections, without a thread per call. */
class ManyCallsTest {

    @Test
    void carriesThousandsOfConcurrentCallsAndEndsEveryOne() {
        int calls = 3000;
        GatewayConfig roomy = GatewayConfig.named("gw1").withCaps(100_000).withMaxConcurrency(100_000)
                .withMix(OutcomeMix.always(CallOutcome.ANSWER)).withRingMs(MsRange.of(100, 300))
                .withTalkMs(MsRange.of(3000, 4000));
        try (FsSim sim = FsSim.start(SimConfig.defaults().withGateways(List.of(roomy))
                .withNodeLimits(new NodeLimits(10_000, 100_000)));
             EslTestClient fs1 = EslTestClient.login(sim.eslPort("fs1"));
             EslTestClient fs2 = EslTestClient.login(sim.eslPort("fs2"))) {
            int threadsBefore = Thread.activeCount();
            StringBuilder burst1 = new StringBuilder();
            StringBuilder burst2 = new StringBuilder();
            for (int i = 0; i < calls; i++) {
                (i % 2 == 0 ? burst1 : burst2).append("bgapi originate {origination_uuid=load-").append(i)
                        .append("}sofia/gateway/gw1/1555").append(String.format("%07d", i)).append(" &park()\n\n");
            }
            fs1.send(burst1.toString());
            fs2.send(burst2.toString());
            for (int i = 0; i < calls / 2; i++) {
                assertThat(fs1.readFrame()).contains("+OK Job-UUID");
                assertThat(fs2.readFrame()).contains("+OK Job-UUID");
            }

            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                    sim.stats().currentCalls().values().stream().mapToInt(Integer::intValue).sum() >= 1500);
            assertThat(Thread.activeCount()).isLessThan(threadsBefore + 10);

            await().atMost(Duration.ofSeconds(30)).until(() -> sim.stats().answered() == calls
                    && sim.stats().currentCalls().values().stream().allMatch(n -> n == 0));
            assertThat(sim.stats().outcomes()).containsOnly(Map.entry("NORMAL_CLEARING", (long) calls));
            assertThat(sim.stats().numbersDialedMoreThanOnce()).isZero();
        }
    }
}
