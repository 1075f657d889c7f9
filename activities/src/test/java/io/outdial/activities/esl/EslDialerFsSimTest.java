package io.outdial.activities.esl;

import io.outdial.fssim.FsSim;
import io.outdial.fssim.ScriptedCall;
import io.outdial.fssim.SimConfig;
import io.outdial.fssim.SimNode;
import io.outdial.workflows.call.PlaceCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The dialer against the FreeSWITCH simulator, which speaks the real inbound ESL protocol. */
class EslDialerFsSimTest {

    private static final String ANSWERS = "15550001001";
    private static final String BUSY = "15550001002";
    private static final String TALKS_LONG = "15550001003";
    private static final EslSettings SETTINGS = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(300), Duration.ofSeconds(65));

    private FsSim sim;
    private EslDialer dialer;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withScripted(Map.of(
                ANSWERS, ScriptedCall.answer(50, 1100),
                BUSY, ScriptedCall.busy(50),
                TALKS_LONG, ScriptedCall.answer(50, 60_000))));
        dialer = startDialer("app07");
    }

    @AfterEach
    void stop() {
        dialer.close();
        sim.close();
    }

    @Test
    void anAnsweredCallReportsAnswerBillsecAndCause() {
        Dial dial = dial("fs1", "gw1", ANSWERS);

        PlaceCallResult result = dialer.dial(dial, () -> { });

        assertThat(result.sent()).isTrue();
        assertThat(result.created()).isTrue();
        assertThat(result.progress()).isTrue();
        assertThat(result.answered()).isTrue();
        assertThat(result.jobResult()).isEqualTo("+OK " + dial.originationUuid());
        assertThat(result.hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(result.sipStatus()).isEqualTo(200);
        assertThat(result.billsec()).isEqualTo(1);
        assertThat(result.connectionLost()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(sim.stats().dialsPerNumber()).containsEntry(ANSWERS, 1L);
    }

    @Test
    void aBusyCalleeReportsUserBusyWithSip486() {
        PlaceCallResult result = dialer.dial(dial("fs2", "gw1", BUSY), () -> { });

        assertThat(result.created()).isTrue();
        assertThat(result.answered()).isFalse();
        assertThat(result.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(result.sipStatus()).isEqualTo(486);
        assertThat(result.billsec()).isZero();
        assertThat(result.jobResult()).isEqualTo("-ERR USER_BUSY");
    }

    @Test
    void aDownGatewayFailsTheJobWithoutAnyChannel() {
        sim.gatewayDown("gw2");

        PlaceCallResult result = dialer.dial(dial("fs1", "gw2", ANSWERS), () -> { });

        assertThat(result.sent()).isTrue();
        assertThat(result.created()).isFalse();
        assertThat(result.progress()).isFalse();
        assertThat(result.jobResult()).isEqualTo("-ERR GATEWAY_DOWN");
        assertThat(result.hangupCause()).isNull();
        assertThat(result.connectionLost()).isFalse();
    }

    @Test
    void anotherAppNodeOnTheSameFsSeesNoneOfThisNodesCallEvents() {
        try (EslDialer otherNode = startDialer("app08")) {
            PlaceCallResult result = dialer.dial(dial("fs1", "gw1", ANSWERS), () -> { });

            assertThat(result.hangupCause()).isEqualTo("NORMAL_CLEARING");
            assertThat(dialer.router("fs1").callEventsReceived()).isGreaterThanOrEqualTo(5);
            assertThat(dialer.router("fs1").unroutedEvents()).isZero();
            assertThat(otherNode.router("fs1").callEventsReceived()).isZero();
        }
    }

    @Test
    void aCrashedNodeEndsTheWatchAsLostAndTheDialerReconnectsWithItsFilterWhenItReturns() throws Exception {
        CompletableFuture<PlaceCallResult> inFlight = CompletableFuture.supplyAsync(
                () -> dialer.dial(dial("fs1", "gw1", TALKS_LONG), () -> { }));
        await().atMost(5, TimeUnit.SECONDS).until(() -> sim.stats().currentCalls().get("fs1") == 1);

        sim.crashNode("fs1");

        PlaceCallResult lost = inFlight.get(5, TimeUnit.SECONDS);
        assertThat(lost.sent()).isTrue();
        assertThat(lost.connectionLost()).isTrue();
        assertThat(lost.hangupCause()).isNull();
        await().atMost(3, TimeUnit.SECONDS).until(() -> !dialer.isConnected("fs1"));
        assertThat(dialer.dial(dial("fs1", "gw1", ANSWERS), () -> { }).sent()).isFalse();

        sim.restartNode("fs1");
        await().atMost(10, TimeUnit.SECONDS).until(() -> dialer.isConnected("fs1"));
        PlaceCallResult afterRestart = dialer.dial(dial("fs1", "gw1", ANSWERS), () -> { });

        assertThat(afterRestart.answered()).isTrue();
        assertThat(afterRestart.hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(sim.stats().dialsPerNumber()).containsEntry(TALKS_LONG, 1L);
    }

    @Test
    void uuidExistsTellsWhetherACallIsStillUpOnItsNode() throws Exception {
        Dial dial = dial("fs2", "gw1", TALKS_LONG);
        CompletableFuture<PlaceCallResult> inFlight = CompletableFuture.supplyAsync(() -> dialer.dial(dial, () -> { }));
        await().atMost(5, TimeUnit.SECONDS).until(() -> sim.stats().currentCalls().get("fs2") == 1);

        assertThat(dialer.uuidExists("fs2", dial.originationUuid())).isTrue();
        assertThat(dialer.uuidExists("fs1", dial.originationUuid())).isFalse();
        assertThat(dialer.uuidExists("fs2", UUID.randomUUID().toString())).isFalse();
        assertThatThrownBy(() -> dialer.uuidExists("fs9", dial.originationUuid()))
                .isInstanceOf(EslNotSentException.class);

        dialer.close();
        assertThat(inFlight.get(5, TimeUnit.SECONDS).connectionLost()).isTrue();
    }

    @Test
    void concurrentCallsOnBothNodesEachEndWithTheirOwnOutcomeAndNoneIsDialedTwice() throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(16);
        try {
            List<Future<PlaceCallResult>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // unscripted numbers: the gateways' outcome mix, a no-answer rings out after 2 s
                Dial dial = new Dial(i % 2 == 0 ? "fs1" : "fs2", i % 4 < 2 ? "gw1" : "gw2", "1555777" + (1000 + i),
                        UUID.randomUUID().toString(), Map.of(), Duration.ofSeconds(2), Duration.ofSeconds(15));
                calls.add(callers.submit(() -> dialer.dial(dial, () -> { })));
            }

            for (Future<PlaceCallResult> call : calls) {
                PlaceCallResult result = call.get(20, TimeUnit.SECONDS);
                assertThat(result.sent()).isTrue();
                assertThat(result.connectionLost()).isFalse();
                assertThat(result.timedOut()).isFalse();
                assertThat(result.hangupCause() != null || result.jobResult().startsWith("-ERR"))
                        .as("call %s ended", result.originationUuid()).isTrue();
                if (result.answered()) {
                    assertThat(result.hangupCause()).isEqualTo("NORMAL_CLEARING");
                }
            }
            assertThat(sim.stats().originates()).isEqualTo(16);
            assertThat(sim.stats().numbersDialedMoreThanOnce()).isZero();
            assertThat(dialer.router("fs1").subscriptions() + dialer.router("fs2").subscriptions()).isZero();
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void aWrongPasswordNeverCountsAsConnected() {
        List<FsNodeEndpoint> wrong = sim.nodes().stream()
                .map(node -> new FsNodeEndpoint(node.id(), "127.0.0.1", node.eslPort(), "not-the-password"))
                .toList();
        try (EslDialer refused = new EslDialer("app09", wrong, SETTINGS)) {
            refused.start();

            await().during(Duration.ofMillis(800)).atMost(2, TimeUnit.SECONDS)
                    .until(() -> !refused.isConnected("fs1") && !refused.isConnected("fs2"));
            assertThat(refused.dial(dial("fs1", "gw1", ANSWERS), () -> { }).sent()).isFalse();
            assertThat(sim.stats().originates()).isZero();
        }
    }

    private EslDialer startDialer(String nodeTag) {
        List<FsNodeEndpoint> nodes = sim.nodes().stream().map(EslDialerFsSimTest::endpoint).toList();
        EslDialer started = new EslDialer(nodeTag, nodes, SETTINGS);
        started.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> started.isConnected("fs1") && started.isConnected("fs2"));
        return started;
    }

    private static FsNodeEndpoint endpoint(SimNode node) {
        return new FsNodeEndpoint(node.id(), "127.0.0.1", node.eslPort(), "ClueCon");
    }

    private static Dial dial(String node, String gateway, String number) {
        return new Dial(node, gateway, number, UUID.randomUUID().toString(), Map.of("campaign_id", "c42"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
