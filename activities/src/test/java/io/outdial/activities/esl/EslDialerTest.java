package io.outdial.activities.esl;

import io.outdial.workflows.call.PlaceCallResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EslDialerTest {

    private static final EslSettings FAST = new EslSettings(Duration.ofSeconds(2), Duration.ofMillis(500),
            Duration.ofMillis(300), Duration.ofSeconds(30));

    private ScriptedEslServer server;
    private EslDialer dialer;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedEslServer("ClueCon");
        server.script(ScriptedCalls::handle);
        dialer = new EslDialer("app07", List.of(server.endpoint("fs1", "ClueCon")), FAST, Clock.systemUTC(),
                Duration.ofMillis(100));
        dialer.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> dialer.isConnected("fs1"));
    }

    @AfterEach
    void stop() throws Exception {
        dialer.close();
        server.close();
    }

    @Test
    void anAnsweredCallReportsAnswerCauseSipStatusAndBillsec() {
        Dial dial = dial(ScriptedCalls.ANSWERED);

        PlaceCallResult result = dialer.dial(dial, () -> { });

        assertThat(result.originationUuid()).isEqualTo(dial.originationUuid());
        assertThat(result.sent()).isTrue();
        assertThat(result.duplicate()).isFalse();
        assertThat(result.created()).isTrue();
        assertThat(result.progress()).isTrue();
        assertThat(result.answered()).isTrue();
        assertThat(result.jobResult()).isEqualTo("+OK " + dial.originationUuid());
        assertThat(result.hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(result.sipStatus()).isEqualTo(200);
        assertThat(result.billsec()).isEqualTo(13);
        assertThat(result.connectionLost()).isFalse();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.startedAtMs()).isPositive();
        assertThat(result.answeredAtMs()).isGreaterThanOrEqualTo(result.startedAtMs());
        assertThat(result.endedAtMs()).isGreaterThanOrEqualTo(result.answeredAtMs());
        assertThat(dialer.router("fs1").subscriptions()).isZero();
    }

    @Test
    void theOriginateCarriesTheUuidAndTheNodeTagAndIsSentOnce() {
        Dial dial = dial(ScriptedCalls.ANSWERED);

        dialer.dial(dial, () -> { });

        List<String> originates = server.lastConnection().received.stream()
                .filter(frame -> frame.startsWith("bgapi originate")).toList();
        assertThat(originates).hasSize(1);
        assertThat(originates.get(0)).startsWith("bgapi originate {origination_uuid=" + dial.originationUuid()
                + ",dialer_node=app07,originate_timeout=30,campaign_id=c42}sofia/gateway/gw1/"
                + ScriptedCalls.ANSWERED + " &park()\nJob-UUID: ");
    }

    @Test
    void aBusyCalleeIsWatchedToHangupEvenWhenTheJobResultComesAfterIt() {
        PlaceCallResult result = dialer.dial(dial(ScriptedCalls.BUSY_JOB_AFTER_HANGUP), () -> { });

        assertThat(result.created()).isTrue();
        assertThat(result.answered()).isFalse();
        assertThat(result.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(result.sipStatus()).isEqualTo(486);
        assertThat(result.billsec()).isZero();
        assertThat(result.jobResult()).isEqualTo("-ERR USER_BUSY");
    }

    @Test
    void aFailedJobResultDoesNotEndTheWatchWhileTheChannelExists() {
        PlaceCallResult result = dialer.dial(dial(ScriptedCalls.BUSY_JOB_BEFORE_HANGUP), () -> { });

        assertThat(result.jobResult()).isEqualTo("-ERR USER_BUSY");
        assertThat(result.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(result.sipStatus()).isEqualTo(486);
    }

    @Test
    void aGatewayDownCallNeverHadAChannel() {
        PlaceCallResult result = dialer.dial(dial(ScriptedCalls.GATEWAY_DOWN), () -> { });

        assertThat(result.sent()).isTrue();
        assertThat(result.created()).isFalse();
        assertThat(result.jobResult()).isEqualTo("-ERR GATEWAY_DOWN");
        assertThat(result.hangupCause()).isNull();
        assertThat(result.connectionLost()).isFalse();
        assertThat(result.timedOut()).isFalse();
    }

    @Test
    void aCallThatOutlivesItsWatchTimeIsReportedTimedOutAfterRegularHeartbeats() {
        AtomicInteger heartbeats = new AtomicInteger();
        Dial dial = dial(ScriptedCalls.RINGS_FOREVER, Duration.ofMillis(800));

        PlaceCallResult result = dialer.dial(dial, heartbeats::incrementAndGet);

        assertThat(result.timedOut()).isTrue();
        assertThat(result.progress()).isTrue();
        assertThat(result.hangupCause()).isNull();
        assertThat(heartbeats.get()).isGreaterThanOrEqualTo(5);
        assertThat(dialer.router("fs1").subscriptions()).isZero();
    }

    @Test
    void aConnectionDroppedMidCallIsReportedAsLostAfterSending() {
        PlaceCallResult result = dialer.dial(dial(ScriptedCalls.DROPS_AFTER_CREATE), () -> { });

        assertThat(result.sent()).isTrue();
        assertThat(result.created()).isTrue();
        assertThat(result.connectionLost()).isTrue();
        assertThat(result.hangupCause()).isNull();
        await().atMost(5, TimeUnit.SECONDS).until(() -> dialer.isConnected("fs1"));
    }

    @Test
    void anUnansweredBgapiCountsAsSentWithTheConnectionLostAndIsNeverResent() {
        PlaceCallResult result = dialer.dial(dial(ScriptedCalls.NO_REPLY), () -> { });

        assertThat(result.sent()).isTrue();
        assertThat(result.connectionLost()).isTrue();
        await().atMost(5, TimeUnit.SECONDS).until(() -> dialer.isConnected("fs1"));
        long originates = server.connections().stream().flatMap(connection -> connection.received.stream())
                .filter(frame -> frame.startsWith("bgapi originate")).count();
        assertThat(originates).isEqualTo(1);
    }

    @Test
    void nothingIsSentToANodeThatIsNotConnected() throws Exception {
        try (ScriptedEslServer refusing = new ScriptedEslServer("other");
             EslDialer unauthorized = new EslDialer("app07", List.of(refusing.endpoint("fs2", "ClueCon")), FAST)) {
            unauthorized.start();
            await().atMost(3, TimeUnit.SECONDS).until(() -> !refusing.connections().isEmpty()
                    && refusing.lastConnection().isClosed());

            PlaceCallResult toRefusing = unauthorized.dial(dial("fs2", ScriptedCalls.ANSWERED), () -> { });
            PlaceCallResult toUnknown = dialer.dial(dial("fs9", ScriptedCalls.ANSWERED), () -> { });

            assertThat(toRefusing.sent()).isFalse();
            assertThat(toRefusing.startedAtMs()).isZero();
            assertThat(toUnknown.sent()).isFalse();
            assertThat(refusing.lastConnection().received).noneMatch(frame -> frame.startsWith("bgapi"));
        }
    }

    @Test
    void theNodeSetCanChangeWhileRunning() throws Exception {
        try (ScriptedEslServer second = new ScriptedEslServer("ClueCon")) {
            dialer.updateNodes(List.of(server.endpoint("fs1", "ClueCon"), second.endpoint("fs2", "ClueCon")));
            await().atMost(5, TimeUnit.SECONDS).until(() -> dialer.isConnected("fs2"));

            dialer.updateNodes(List.of(second.endpoint("fs2", "ClueCon")));

            assertThat(dialer.nodeIds()).containsExactly("fs2");
            assertThat(dialer.isConnected("fs1")).isFalse();
            await().atMost(3, TimeUnit.SECONDS).until(() -> server.lastConnection().isClosed());
            assertThat(dialer.isConnected("fs2")).isTrue();
            assertThat(second.connections()).hasSize(1);
        }
    }

    @Test
    void anInvalidNumberIsRejectedBeforeAnythingIsSent() {
        Dial dial = new Dial("fs1", "gw1", "1555\r\n0001", UUID.randomUUID().toString(), Map.of(),
                Duration.ofSeconds(30), Duration.ofSeconds(5));

        assertThatThrownBy(() -> dialer.dial(dial, () -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("number:");
        assertThat(server.lastConnection().received).noneMatch(frame -> frame.startsWith("bgapi"));
    }

    @Test
    void anInterruptedWatchStopsPromptlyAndKeepsTheInterruptFlag() throws Exception {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicBoolean flagKept = new AtomicBoolean();
        AtomicBoolean watching = new AtomicBoolean();
        Thread caller = new Thread(() -> {
            try {
                dialer.dial(dial(ScriptedCalls.RINGS_FOREVER, Duration.ofMinutes(5)), () -> watching.set(true));
            } catch (Throwable e) {
                thrown.set(e);
                flagKept.set(Thread.currentThread().isInterrupted());
            }
        });
        caller.start();
        await().atMost(3, TimeUnit.SECONDS).until(() -> watching.get()
                && server.lastConnection().received.stream().anyMatch(frame -> frame.startsWith("bgapi")));

        caller.interrupt();
        caller.join(3000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(thrown.get()).isInstanceOf(CancellationException.class);
        assertThat(flagKept.get()).isTrue();
        assertThat(dialer.router("fs1").subscriptions()).isZero();
    }

    @Test
    void twoConcurrentCallsWithInterleavedEventsEachGetTheirOwnOutcome() throws Exception {
        String answeredNumber = "15550000011";
        String busyNumber = "15550000012";
        List<EslFrames.Originate> originates = new ArrayList<>();
        server.script((connection, frame) -> {
            EslFrames.Originate call = EslFrames.parseOriginate(frame);
            connection.send(EslFrames.bgapiAccepted(call.jobUuid()));
            synchronized (originates) {
                originates.add(call);
                if (originates.size() < 2) {
                    return;
                }
            }
            EslFrames.Originate a = originates.stream().filter(o -> o.number().equals(answeredNumber)).findFirst().orElseThrow();
            EslFrames.Originate b = originates.stream().filter(o -> o.number().equals(busyNumber)).findFirst().orElseThrow();
            connection.send(ScriptedCalls.create(a.originationUuid()) + ScriptedCalls.create(b.originationUuid())
                    + ScriptedCalls.progress(b.originationUuid()) + ScriptedCalls.progress(a.originationUuid())
                    + ScriptedCalls.answer(a.originationUuid())
                    + ScriptedCalls.hangup(b.originationUuid(), "USER_BUSY", "486", "0")
                    + EslFrames.backgroundJob(a.jobUuid(), a.command(), "+OK " + a.originationUuid())
                    + EslFrames.backgroundJob(b.jobUuid(), b.command(), "-ERR USER_BUSY")
                    + ScriptedCalls.hangup(a.originationUuid(), "NORMAL_CLEARING", "200", "42"));
        });

        CompletableFuture<PlaceCallResult> answered = CompletableFuture.supplyAsync(
                () -> dialer.dial(dial(answeredNumber), () -> { }));
        CompletableFuture<PlaceCallResult> busy = CompletableFuture.supplyAsync(
                () -> dialer.dial(dial(busyNumber), () -> { }));

        PlaceCallResult a = answered.get(10, TimeUnit.SECONDS);
        PlaceCallResult b = busy.get(10, TimeUnit.SECONDS);
        assertThat(a.answered()).isTrue();
        assertThat(a.hangupCause()).isEqualTo("NORMAL_CLEARING");
        assertThat(a.billsec()).isEqualTo(42);
        assertThat(a.jobResult()).startsWith("+OK");
        assertThat(b.answered()).isFalse();
        assertThat(b.progress()).isTrue();
        assertThat(b.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(b.jobResult()).isEqualTo("-ERR USER_BUSY");
        assertThat(dialer.router("fs1").subscriptions()).isZero();
    }

    private static Dial dial(String number) {
        return dial("fs1", number);
    }

    private static Dial dial(String node, String number) {
        return new Dial(node, "gw1", number, UUID.randomUUID().toString(), Map.of("campaign_id", "c42"),
                Duration.ofSeconds(30), Duration.ofSeconds(10));
    }

    private static Dial dial(String number, Duration watchTimeout) {
        return new Dial("fs1", "gw1", number, UUID.randomUUID().toString(), Map.of("campaign_id", "c42"),
                Duration.ofSeconds(30), watchTimeout);
    }
}
