package io.outdial.activities.fshealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.campaign.CampaignPlan;
import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.activities.esl.Dial;
import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.esl.EslSettings;
import io.outdial.activities.esl.FsNodeEndpoint;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.fssim.FsSim;
import io.outdial.fssim.SimConfig;
import io.outdial.workflows.call.PlaceCallResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.JedisPooled;

/**
 * Three workers, each with its own ESL dialer, watch two simulated FreeSWITCH nodes on the schedule the
 * app runs (link watch every second, full check every 10 s), against real Redis and PostgreSQL.
 */
@ExtendWith(StorageExtension.class)
class FsHealthFsSimTest {

    private static final Logger log = LoggerFactory.getLogger(FsHealthFsSimTest.class);
    private static final Duration DETECTION_DEADLINE = Duration.ofSeconds(10);
    private static final EslSettings ESL = new EslSettings(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(1), Duration.ofSeconds(65));
    private static final FsHealthSettings HEALTH = new FsHealthSettings(Duration.ofSeconds(10),
            Duration.ofMillis(500), Duration.ofSeconds(25), Duration.ofSeconds(5));
    private static final Duration LINK_WATCH = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final JedisPooled jedis;
    private final TestData data;
    private final List<EslDialer> dialers = new ArrayList<>();
    private final List<FsHealthMonitor> monitors = new ArrayList<>();
    private FsSim sim;
    private FsHealthRepository nodes;
    private ScheduledExecutorService schedule;
    private long campaignId;

    FsHealthFsSimTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.data = data;
    }

    @BeforeEach
    void start() {
        campaignId = data.campaign().fsNode("fs1", 10, 100).fsNode("fs2", 10, 100)
                .line("line1", "gw1", 10, 100).create().campaignId();
        sim = FsSim.start(SimConfig.defaults());
        List<FsNodeEndpoint> endpoints = sim.nodes().stream()
                .map(node -> new FsNodeEndpoint(node.id(), "127.0.0.1", node.eslPort(), "ClueCon")).toList();
        nodes = new FsHealthRepository(dataSource);
        FsHealthVotes votes = new FsHealthVotes(jedis, HEALTH.liveWindow());
        FsHealthEvaluator evaluator = new FsHealthEvaluator(votes, nodes, new SimpleMeterRegistry(), Clock.systemUTC());
        for (String worker : List.of("app1", "app2", "app3")) {
            EslDialer dialer = new EslDialer(worker, endpoints, ESL);
            dialer.start();
            dialers.add(dialer);
            monitors.add(new FsHealthMonitor(worker, new EslLinkProbe(dialer), votes, evaluator, HEALTH,
                    Clock.systemUTC()));
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> dialers.stream()
                .allMatch(dialer -> dialer.isConnected("fs1") && dialer.isConnected("fs2")));
        schedule = Executors.newScheduledThreadPool(monitors.size());
        for (FsHealthMonitor monitor : monitors) {
            schedule.scheduleWithFixedDelay(() -> run(monitor::check), 0, HEALTH.checkInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            schedule.scheduleWithFixedDelay(() -> run(monitor::watchLinks), LINK_WATCH.toMillis(),
                    LINK_WATCH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Every worker has voted every node reachable: the steady state before a fault. */
    private void awaitAllVotedReachable() {
        FsHealthVotes votes = new FsHealthVotes(jedis, HEALTH.liveWindow());
        await().atMost(Duration.ofSeconds(5)).until(() -> List.of("fs1", "fs2").stream()
                .allMatch(node -> votes.tally(node, System.currentTimeMillis()).reachable() == 3));
    }

    @AfterEach
    void stop() throws InterruptedException {
        schedule.shutdownNow();
        schedule.awaitTermination(5, TimeUnit.SECONDS);
        dialers.forEach(EslDialer::close);
        sim.close();
    }

    @Test
    void aCrashedNodeIsEvictedWithinTenSecondsAndReadmittedWhenItIsBack() {
        awaitAllVotedReachable();
        long crashedAt = System.nanoTime();
        sim.crashNode("fs2");

        await().atMost(DETECTION_DEADLINE).pollInterval(Duration.ofMillis(50)).until(() -> state("fs2") == HealthState.EVICTED);
        Duration detection = Duration.ofNanos(System.nanoTime() - crashedAt);
        System.out.printf("FS crash detected and fs2 evicted %d ms after the fault%n", detection.toMillis());
        assertThat(planNodes()).containsExactly("fs1");
        assertThat(nodes.find("fs2", Instant.now()).orElseThrow().reason()).isEqualTo("unreachable from 3 of 3 live workers");

        long restartedAt = System.nanoTime();
        sim.restartNode("fs2");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50)).until(() -> state("fs2") == HealthState.HEALTHY);
        System.out.printf("fs2 re-admitted %d ms after its restart%n",
                Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
        assertThat(planNodes()).containsExactly("fs1", "fs2");
    }

    @Test
    void aDialToACrashedNodeFailsWithNothingSent() {
        sim.crashNode("fs2");
        await().atMost(Duration.ofSeconds(5)).until(() -> !dialers.get(0).isConnected("fs2"));
        long originatesBefore = sim.stats().originates();

        PlaceCallResult result = dialers.get(0).dial(dial("fs2"), () -> { });

        assertThat(result.sent()).isFalse();
        assertThat(result.created()).isFalse();
        assertThat(result.connectionLost()).isFalse();
        assertThat(sim.stats().originates()).isEqualTo(originatesBefore);
    }

    @Test
    void aHungNodeIsEvictedByTheNextCheckAndReadmittedAfterItResumes() {
        awaitAllVotedReachable();
        sim.hangNode("fs1");

        monitors.forEach(FsHealthMonitor::check);

        assertThat(state("fs1")).isEqualTo(HealthState.EVICTED);
        assertThat(dialers).allMatch(dialer -> !dialer.isConnected("fs1"), "every link to the hung node was reset");
        assertThat(dialers.get(0).dial(dial("fs1"), () -> { }).sent()).as("a call for the hung node").isFalse();
        sim.resumeNode("fs1");
        await().atMost(Duration.ofSeconds(15)).until(() -> state("fs1") == HealthState.HEALTHY);
    }

    private static Dial dial(String nodeId) {
        return new Dial(nodeId, "gw1", "15550001001", UUID.randomUUID().toString(), Map.of(), Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    private void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("health check failed", e);
        }
    }

    private HealthState state(String nodeId) {
        return nodes.find(nodeId, Instant.now()).orElseThrow().state();
    }

    private List<String> planNodes() {
        return new CampaignRepository(dataSource).find(campaignId, Instant.now()).orElseThrow().fsNodes().stream()
                .map(CampaignPlan.FsNode::id).toList();
    }
}
