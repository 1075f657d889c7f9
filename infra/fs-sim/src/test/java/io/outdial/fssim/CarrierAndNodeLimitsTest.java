package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static io.outdial.fssim.WireSamples.eventHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Carrier CAPS and concurrency (shared by all nodes) and each node's own session limits. */
class CarrierAndNodeLimitsTest {

    FsSim sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    @Test
    void originatesOverCapsGet503NormalTemporaryFailureWithoutProgress() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1)
                .withGateways(List.of(GatewayConfig.named("gw1").withCaps(2).withMix(OutcomeMix.always(CallOutcome.ANSWER))
                        .withRingMs(MsRange.of(50, 50)).withTalkMs(MsRange.of(50, 50)))));
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain CHANNEL_PROGRESS CHANNEL_HANGUP_COMPLETE");
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                burst.append("bgapi originate {origination_uuid=caps-").append(i)
                        .append("}sofia/gateway/gw1/155500010").append(i).append(" &park()\n\n");
            }
            awaitEarlyInASecond();
            c.send(burst.toString());
            for (int i = 0; i < 5; i++) {
                assertThat(c.readFrame()).contains("+OK Job-UUID");
            }
            List<String> completes = new ArrayList<>();
            List<String> progressed = new ArrayList<>();
            while (completes.size() < 5) {
                String e = c.readFrame();
                if (eventName(e).equals("CHANNEL_PROGRESS")) {
                    progressed.add(eventHeader(e, "Unique-ID"));
                } else {
                    completes.add(e);
                }
            }
            List<String> refused = completes.stream()
                    .filter(e -> "NORMAL_TEMPORARY_FAILURE".equals(eventHeader(e, "Hangup-Cause"))).toList();
            assertThat(refused).hasSize(3).allSatisfy(e -> {
                assertThat(eventHeader(e, "variable_sip_term_status")).isEqualTo("503");
                assertThat(eventHeader(e, "variable_hangup_cause_q850")).isEqualTo("41");
                assertThat(progressed).doesNotContain(eventHeader(e, "Unique-ID"));
            });
            assertThat(progressed).hasSize(2);
            SimStats stats = sim.stats();
            assertThat(stats.maxOriginatesInAnySecond()).containsEntry("gw1", 5L);
            assertThat(stats.gatewayCaps()).containsEntry("gw1", 2);
            assertThat(stats.outcomes()).containsEntry("NORMAL_TEMPORARY_FAILURE", 3L).containsEntry("NORMAL_CLEARING", 2L);
        }
    }

    @Test
    void carrierLimitsAreSharedAcrossNodes() {
        sim = FsSim.start(SimConfig.defaults().withNodes(2)
                .withGateways(List.of(GatewayConfig.named("gw1").withCaps(100).withMaxConcurrency(1)))
                .withScripted(Map.of("15550003333", ScriptedCall.answer(10, 60_000))));
        try (EslTestClient fs1 = EslTestClient.login(sim.eslPort("fs1"));
             EslTestClient fs2 = EslTestClient.login(sim.eslPort("fs2"))) {
            fs1.command("event plain CHANNEL_ANSWER");
            fs2.command("event plain CHANNEL_HANGUP_COMPLETE");
            fs1.command("bgapi originate {origination_uuid=first}sofia/gateway/gw1/15550003333 &park()");
            fs1.readUntil(f -> eventName(f).equals("CHANNEL_ANSWER"));
            fs2.command("bgapi originate {origination_uuid=second}sofia/gateway/gw1/15550003333 &park()");
            String complete = fs2.readUntil(f -> eventName(f).equals("CHANNEL_HANGUP_COMPLETE"));
            assertThat(eventHeader(complete, "Hangup-Cause")).isEqualTo("NORMAL_TEMPORARY_FAILURE");
            assertThat(sim.stats().currentCallsPerGateway()).containsEntry("gw1", 1);
        }
    }

    @Test
    void nodeOverMaxSessionsRefusesWithDestinationOutOfOrderAndNoChannel() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1).withNodeLimits(new NodeLimits(1, 100))
                .withScripted(Map.of("15550004444", ScriptedCall.answer(10, 60_000))));
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain ALL");
            c.command("bgapi originate {origination_uuid=one}sofia/gateway/gw1/15550004444 &park()");
            c.readUntil(f -> eventName(f).equals("BACKGROUND_JOB"));
            c.command("bgapi originate {origination_uuid=two}sofia/gateway/gw1/15550004444 &park()");
            String job = c.readUntil(f -> eventName(f).equals("BACKGROUND_JOB")
                    || "two".equals(eventHeader(f, "Unique-ID")));
            assertThat(job).endsWith("\n\n-ERR DESTINATION_OUT_OF_ORDER\n");
        }
    }

    @Test
    void nodeOverSessionsPerSecondRefusesWithDestinationOutOfOrder() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1).withNodeLimits(new NodeLimits(1000, 1)));
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain BACKGROUND_JOB");
            awaitEarlyInASecond();
            c.send("bgapi originate {origination_uuid=s1,originate_timeout=1}sofia/gateway/gw1/15550005551 &park()\n\n"
                    + "bgapi originate {origination_uuid=s2}sofia/gateway/gw1/15550005552 &park()\n\n");
            String job = c.readUntil(f -> eventHeader(f, "Job-Command-Arg") != null
                    && eventHeader(f, "Job-Command-Arg").contains("s2"));
            assertThat(job).endsWith("\n\n-ERR DESTINATION_OUT_OF_ORDER\n");
        }
    }

    /** Waits (polling) for the first 300 ms of a wall-clock second, so a short burst stays in one second. */
    static void awaitEarlyInASecond() {
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(5))
                .until(() -> System.currentTimeMillis() % 1000 < 300);
    }
}
