package io.outdial.activities.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outdial.activities.esl.Dial;
import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.esl.EslSettings;
import io.outdial.activities.esl.FsNodeEndpoint;
import io.outdial.fssim.FsSim;
import io.outdial.fssim.ScriptedCall;
import io.outdial.fssim.SimConfig;
import io.outdial.workflows.call.ChannelEnd;
import io.outdial.workflows.call.PlaceCallResult;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reconciling against the FreeSWITCH simulator: a worker that restarted with the same app node id
 * follows a call its predecessor placed to the end; another app node cannot see that call's events.
 */
class ChannelFollowerFsSimTest {

    private static final String TALKS = "15550002001";
    private static final EslSettings SETTINGS = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofMillis(300), Duration.ofSeconds(65));

    private FsSim sim;
    private EslDialer placer;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withScripted(Map.of(TALKS, ScriptedCall.answer(50, 2_500))));
        placer = startDialer("app07");
    }

    @AfterEach
    void stop() {
        placer.close();
        sim.close();
    }

    @Test
    void aWorkerWithTheSameNodeIdFollowsALiveCallToItsEnd() throws Exception {
        try (EslDialer restarted = startDialer("app07")) {
            Dial dial = dial();
            CompletableFuture<PlaceCallResult> placed = CompletableFuture.supplyAsync(() -> placer.dial(dial, () -> { }));
            await().atMost(5, TimeUnit.SECONDS).until(() -> restarted.uuidExists("fs1", dial.originationUuid()));

            ChannelEnd end = follower(restarted).follow("fs1", dial.originationUuid(), Duration.ofSeconds(30), () -> { });

            assertThat(end.seenEnd()).isTrue();
            assertThat(end.hangupCause()).isEqualTo("NORMAL_CLEARING");
            assertThat(end.billsec()).isPositive();
            assertThat(placed.get(10, TimeUnit.SECONDS).hangupCause()).isEqualTo("NORMAL_CLEARING");
            assertThat(sim.stats().dialsPerNumber()).containsEntry(TALKS, 1L);
        }
    }

    @Test
    void anotherAppNodeSeesTheChannelGoButNotItsEnd() throws Exception {
        try (EslDialer otherNode = startDialer("app08")) {
            Dial dial = dial();
            CompletableFuture.supplyAsync(() -> placer.dial(dial, () -> { }));
            await().atMost(5, TimeUnit.SECONDS).until(() -> otherNode.uuidExists("fs1", dial.originationUuid()));

            ChannelEnd end = follower(otherNode).follow("fs1", dial.originationUuid(), Duration.ofSeconds(30), () -> { });

            assertThat(end.seenEnd()).isFalse();
            assertThat(end.hangupCause()).isNull();
            assertThat(otherNode.uuidExists("fs1", dial.originationUuid())).isFalse();
        }
    }

    @Test
    void aChannelThatIsAlreadyGoneEndsUnseenAtOnce() throws Exception {
        ChannelEnd end = follower(placer).follow("fs1", UUID.randomUUID().toString(), Duration.ofSeconds(30),
                () -> { });

        assertThat(end.seenEnd()).isFalse();
    }

    private static ChannelFollower follower(EslDialer dialer) {
        return new ChannelFollower(new EslChannelProbe(dialer), Clock.systemUTC(), Duration.ofMillis(200),
                Duration.ofMillis(300));
    }

    private EslDialer startDialer(String nodeTag) {
        List<FsNodeEndpoint> nodes = sim.nodes().stream()
                .map(node -> new FsNodeEndpoint(node.id(), "127.0.0.1", node.eslPort(), "ClueCon")).toList();
        EslDialer started = new EslDialer(nodeTag, nodes, SETTINGS);
        started.start();
        await().atMost(5, TimeUnit.SECONDS).until(() -> started.isConnected("fs1"));
        return started;
    }

    private static Dial dial() {
        return new Dial("fs1", "gw1", TALKS, UUID.randomUUID().toString(), Map.of("campaign_id", "c42"),
                Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
}
