package io.outdial.activities.esl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class EslConnectionTest {

    private static final EslSettings FAST = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(1),
            Duration.ofMillis(300), Duration.ofSeconds(30));

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private EventLoopGroup group;
    private ScriptedEslServer server;

    @BeforeEach
    void startServer() throws Exception {
        group = new NioEventLoopGroup(1);
        server = new ScriptedEslServer("ClueCon");
    }

    @AfterEach
    void stopAll() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        server.close();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    @Test
    void writesTheExactClientFramesOfTheGoldenSamples() throws Exception {
        server.script((connection, frame) -> {
            if (frame.startsWith("api ")) {
                connection.send(EslFrames.apiResponse("UP"));
            } else if (frame.startsWith("bgapi ")) {
                connection.send(EslFrames.bgapiAccepted("7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14"));
            }
        });
        EslConnection connection = connect("app07", "ClueCon", FAST, new EventRouter());
        String goldenBgapi = WireSamples.frame("client", "bgapi originate");
        String originate = goldenBgapi.substring("bgapi ".length(), goldenBgapi.indexOf('\n'));

        connection.api("status", Duration.ofSeconds(1)).get(2, TimeUnit.SECONDS);
        connection.api("show calls count", Duration.ofSeconds(1)).get(2, TimeUnit.SECONDS);
        connection.api("uuid_exists 5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55", Duration.ofSeconds(1)).get(2, TimeUnit.SECONDS);
        connection.bgapi(originate, "7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14", Duration.ofSeconds(1)).get(2, TimeUnit.SECONDS);

        assertThat(server.lastConnection().received).containsExactly(
                WireSamples.frame("client", "client: auth ClueCon"),
                WireSamples.frame("client", "filters then subscription"),
                "filter Job-Command-Arg /dialer_node=app07[,}]/\n\n",
                "filter Event-Name HEARTBEAT\n\n",
                "event plain CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER "
                        + "CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB HEARTBEAT\n\n",
                WireSamples.frame("client", "api status"),
                WireSamples.frame("client", "api show calls count"),
                WireSamples.frame("client", "api uuid_exists"),
                goldenBgapi);
        assertThat(WireSamples.fromClient()).extracting(WireSamples.Sample::frame)
                .contains("filter Job-Command-Arg /dialer_node=app07[,}]/\n\n", "event plain CHANNEL_CREATE "
                        + "CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER CHANNEL_HANGUP_COMPLETE "
                        + "BACKGROUND_JOB HEARTBEAT\n\n");
    }

    @Test
    void aRefusedPasswordIsReportedAsAnAuthFailureAndNeverAsConnected() throws Exception {
        EslSettings slowRetry = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        EslConnection connection = start("app07", "wrong", slowRetry, new EventRouter());

        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.authFailure() != null);

        assertThat(connection.isReady()).isFalse();
        assertThat(connection.authFailure()).hasMessageContaining("fs1").hasMessageContaining("-ERR invalid")
                .hasMessageNotContaining("wrong");
        assertThat(server.lastConnection().received).containsExactly("auth wrong\n\n");
        assertThatThrownBy(() -> connection.api("status", Duration.ofSeconds(1)).get(1, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EslNotSentException.class);
        await().during(Duration.ofMillis(1500)).atMost(3, TimeUnit.SECONDS)
                .until(() -> server.connections().size() == 1);
    }

    @Test
    void aCommandWithoutReplyTimesOutAndTheConnectionIsResetAndRebuilt() throws Exception {
        CountingListener listener = new CountingListener();
        EslConnection connection = connect("app07", "ClueCon", FAST, listener);
        server.silent(true);

        CompletableFuture<String> status = connection.api("status", Duration.ofMillis(300));

        assertThatThrownBy(() -> status.get(3, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(EslCommandTimeoutException.class);
        await().atMost(3, TimeUnit.SECONDS).until(() -> listener.lost.get() == 1);
        server.silent(false);
        await().atMost(10, TimeUnit.SECONDS).until(connection::isReady);
        assertThat(server.connections().size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aReconnectReappliesEveryFilterBeforeSubscribingToEvents() throws Exception {
        CountingListener listener = new CountingListener();
        EslConnection connection = connect("app07", "ClueCon", FAST, listener);
        List<String> firstHandshake = List.copyOf(server.lastConnection().received);

        server.lastConnection().drop();

        await().atMost(3, TimeUnit.SECONDS).until(() -> listener.lost.get() == 1);
        await().atMost(5, TimeUnit.SECONDS).until(() -> server.connections().size() == 2 && connection.isReady());
        assertThat(server.connections().get(1).received).containsExactlyElementsOf(firstHandshake);
        assertThat(firstHandshake).last().asString().startsWith("event plain ");
        assertThat(firstHandshake.subList(1, 4)).allMatch(frame -> frame.startsWith("filter "));
    }

    @Test
    void aCommandMeantForASocketThatIsGoneIsNotSentOnItsSuccessor() throws Exception {
        EslConnection connection = connect("app07", "ClueCon", FAST, new EventRouter());
        EslSession first = connection.readySession();
        server.lastConnection().drop();
        await().atMost(5, TimeUnit.SECONDS).until(() -> connection.readySession() != null
                && connection.readySession() != first);

        CompletableFuture<EslReply> stale = connection.bgapi("originate x", "7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14",
                Duration.ofSeconds(1), first);

        assertThatThrownBy(() -> stale.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(EslNotSentException.class);
        assertThat(server.connections()).allSatisfy(c -> assertThat(c.received).noneMatch(f -> f.startsWith("bgapi")));
    }

    @Test
    void aServerThatNeverGreetsIsNeverReadyAndIsRetried() throws Exception {
        List<Socket> accepted = new CopyOnWriteArrayList<>();
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(mute.accept());
                    }
                } catch (IOException e) {
                    // closed by the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            EslSettings quickGreeting = new EslSettings(Duration.ofMillis(300), Duration.ofSeconds(1),
                    Duration.ofMillis(200), Duration.ofSeconds(30));
            EslConnection connection = new EslConnection(new FsNodeEndpoint("fs1", "127.0.0.1", mute.getLocalPort(),
                    "ClueCon"), "app07", quickGreeting, group, new EventRouter());
            closeables.add(connection);

            connection.start();

            await().atMost(5, TimeUnit.SECONDS).until(() -> accepted.size() >= 2);
            assertThat(connection.isReady()).isFalse();
        } finally {
            for (Socket socket : accepted) {
                socket.close();
            }
        }
    }

    @Test
    void aSilentServerIsTreatedAsLost() throws Exception {
        EslSettings quickSilence = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(300), Duration.ofMillis(500));
        CountingListener listener = new CountingListener();
        connect("app07", "ClueCon", quickSilence, listener);

        await().atMost(3, TimeUnit.SECONDS).until(() -> listener.lost.get() >= 1);
        await().atMost(3, TimeUnit.SECONDS).until(() -> server.connections().size() >= 2);
    }

    @Test
    void heartbeatsKeepAQuietConnectionAlive() throws Exception {
        EslSettings quickSilence = new EslSettings(Duration.ofSeconds(2), Duration.ofSeconds(1),
                Duration.ofMillis(300), Duration.ofMillis(1000));
        String heartbeat = WireSamples.frame("server", "HEARTBEAT");
        ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor();
        CountingListener listener = new CountingListener();
        try {
            heartbeats.scheduleAtFixedRate(() -> server.connections().forEach(c -> c.send(heartbeat)),
                    0, 150, TimeUnit.MILLISECONDS);
            connect("app07", "ClueCon", quickSilence, listener);

            await().during(Duration.ofMillis(2500)).atMost(4, TimeUnit.SECONDS)
                    .until(() -> listener.lost.get() == 0 && server.connections().size() == 1);
            assertThat(listener.events.get()).isGreaterThanOrEqualTo(5);
        } finally {
            heartbeats.shutdownNow();
        }
    }

    @Test
    void repliesAreMatchedToCommandsInTheOrderTheyWereSent() throws Exception {
        server.script((connection, frame) -> connection.send(EslFrames.apiResponse(frame.substring(4, frame.indexOf('\n')))));
        EslConnection connection = connect("app07", "ClueCon", FAST, new EventRouter());

        List<CompletableFuture<String>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(connection.api("echo " + i, Duration.ofSeconds(2)));
        }

        for (int i = 0; i < 20; i++) {
            assertThat(replies.get(i).get(3, TimeUnit.SECONDS)).isEqualTo("echo " + i);
        }
    }

    @Test
    void aRejectedBgapiFailsWithTheReplyText() throws Exception {
        server.script((connection, frame) -> connection.send(EslFrames.reply("-ERR originate Command not found!")));
        EslConnection connection = connect("app07", "ClueCon", FAST, new EventRouter());

        CompletableFuture<EslReply> reply = connection.bgapi("originate x", "7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14",
                Duration.ofSeconds(1));

        assertThatThrownBy(() -> reply.get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(EslCommandRejectedException.class)
                .hasMessageContaining("-ERR originate Command not found!");
    }

    @Test
    void commandsThatWouldEndTheFrameEarlyAreRefused() throws Exception {
        EslConnection connection = connect("app07", "ClueCon", FAST, new EventRouter());

        assertThatThrownBy(() -> connection.api("status\n\nauth x", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> connection.bgapi("status", "not-a-uuid", Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void interleavedEventsOfTwoCallsReachEachCallInArrivalOrder() throws Exception {
        EventRouter router = new EventRouter();
        connect("app07", "ClueCon", FAST, router);
        String a = "11111111-1111-1111-1111-111111111111";
        String b = "22222222-2222-2222-2222-222222222222";
        CallSubscription callA = router.subscribe(a, "aaaaaaaa-1111-1111-1111-111111111111");
        CallSubscription callB = router.subscribe(b, "bbbbbbbb-2222-2222-2222-222222222222");
        StringBuilder burst = new StringBuilder();
        for (int sequence = 1; sequence <= 200; sequence++) {
            String uuid = sequence % 3 == 0 ? b : a;
            burst.append(EslFrames.channelEvent("CHANNEL_PROGRESS", uuid, sequence, Map.of()));
        }

        server.lastConnection().send(burst.toString());

        assertThat(sequences(callA, 134)).isSorted().doesNotHaveDuplicates().hasSize(134);
        assertThat(sequences(callB, 66)).isSorted().doesNotHaveDuplicates().hasSize(66);
        callA.close();
        callB.close();
        assertThat(router.subscriptions()).isZero();
    }

    private static List<Long> sequences(CallSubscription subscription, int count) throws InterruptedException {
        List<Long> sequences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            CallSignal signal = subscription.poll(Duration.ofSeconds(3));
            assertThat(signal).as("event %d", i).isNotNull();
            assertThat(signal.event().uniqueId()).isEqualTo(subscription.uniqueId());
            sequences.add(Long.parseLong(signal.event().header("Event-Sequence")));
        }
        return sequences;
    }

    private EslConnection connect(String nodeTag, String password, EslSettings settings, EslListener listener) {
        EslConnection connection = start(nodeTag, password, settings, listener);
        await().atMost(5, TimeUnit.SECONDS).until(connection::isReady);
        return connection;
    }

    private EslConnection start(String nodeTag, String password, EslSettings settings, EslListener listener) {
        EslConnection connection = new EslConnection(server.endpoint("fs1", password), nodeTag, settings, group,
                listener);
        closeables.add(connection);
        connection.start();
        return connection;
    }

    private static final class CountingListener implements EslListener {
        final AtomicInteger events = new AtomicInteger();
        final AtomicInteger lost = new AtomicInteger();

        @Override
        public void onEvent(EslEvent event) {
            events.incrementAndGet();
        }

        @Override
        public void onConnectionLost() {
            lost.incrementAndGet();
        }
    }
}
