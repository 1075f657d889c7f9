package io.outdial.activities.fshealth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.campaign.CampaignPlan;
import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** Majority voting between three simulated workers, against real Redis and PostgreSQL. */
@ExtendWith(StorageExtension.class)
class FsHealthVotingTest {

    private static final FsHealthSettings SETTINGS = FsHealthSettings.defaults();

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T10:00:00Z"));
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final DataSource dataSource;
    private final TestData data;
    private final FsHealthVotes votes;
    private final FsHealthRepository nodes;
    private final FsHealthEvaluator evaluator;
    private long campaignId;

    private final FakeLinks linksA = new FakeLinks().set("fs1", true).set("fs2", true);
    private final FakeLinks linksB = new FakeLinks().set("fs1", true).set("fs2", true);
    private final FakeLinks linksC = new FakeLinks().set("fs1", true).set("fs2", true);
    private final FsHealthMonitor workerA;
    private final FsHealthMonitor workerB;
    private final FsHealthMonitor workerC;

    FsHealthVotingTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.data = data;
        this.votes = new FsHealthVotes(jedis, SETTINGS.liveWindow());
        this.nodes = new FsHealthRepository(dataSource);
        this.evaluator = new FsHealthEvaluator(votes, nodes, meters, clock);
        this.workerA = worker("app-a", linksA);
        this.workerB = worker("app-b", linksB);
        this.workerC = worker("app-c", linksC);
    }

    /** Two healthy nodes every worker has known for longer than the new-node grace. */
    @BeforeEach
    void seed() {
        campaignId = data.campaign().fsNode("fs1", 10, 100).fsNode("fs2", 10, 100)
                .line("line1", "gw1", 10, 100).create().campaignId();
        checkAll();
        clock.advance(SETTINGS.newNodeGrace());
    }

    private FsHealthMonitor worker(String name, LinkProbe links) {
        return new FsHealthMonitor(name, links, votes, evaluator, SETTINGS, clock);
    }

    @Nested
    class Eviction {

        @Test
        void aNodeTwoOfThreeWorkersCannotReachIsEvictedAndRoundsStopChoosingIt() {
            linksA.set("fs2", false);
            linksB.set("fs2", false);

            checkAll();

            assertThat(state("fs2")).isEqualTo(HealthState.EVICTED);
            assertThat(nodes.find("fs2", clock.instant()).orElseThrow().reason())
                    .isEqualTo("unreachable from 2 of 3 live workers");
            assertThat(state("fs1")).isEqualTo(HealthState.HEALTHY);
            assertThat(planNodes()).containsExactly("fs1");
        }

        @Test
        void oneWorkerOfThreeThatCannotReachANodeIsOutvoted() {
            linksA.set("fs2", false);

            checkAll();

            assertThat(state("fs2")).isEqualTo(HealthState.HEALTHY);
            assertThat(planNodes()).containsExactly("fs1", "fs2");
        }

        @Test
        void aLinkThatDropsIsVotedAtTheNextLinkWatchWithoutWaitingForTheNextCheck() {
            checkAll();
            linksA.set("fs2", false);
            linksB.set("fs2", false);
            clock.advance(Duration.ofSeconds(1));

            assertThat(workerA.watchLinks()).isEmpty();
            List<FsHealthEvaluator.Change> changes = workerB.watchLinks();

            assertThat(changes).containsExactly(new FsHealthEvaluator.Change("fs2", HealthState.EVICTED,
                    "unreachable from 2 of 3 live workers"));
            assertThat(workerC.watchLinks()).as("nothing changed for C: no vote, no evaluation").isEmpty();
        }

        @Test
        void evaluatingAgainAndFromEveryWorkerChangesANodeOnlyOnce() {
            linksA.set("fs2", false);
            linksB.set("fs2", false);
            linksC.set("fs2", false);

            checkAll();
            checkAll();
            evaluator.evaluate();

            assertThat(meters.counter("outdial.fs.node.evictions", "fs_node", "fs2").count()).isEqualTo(1);
            assertThat(meters.get("outdial.fs.node.healthy").tag("fs_node", "fs2").gauge().value()).isZero();
            assertThat(meters.get("outdial.fs.node.healthy").tag("fs_node", "fs1").gauge().value()).isEqualTo(1);
            assertThat(meters.get("outdial.fs.node.reachable").tag("fs_node", "fs2").gauge().value()).isZero();
        }

        @Test
        void aNodeJustAddedIsNotVotedDownWhileItsLinkIsStillConnecting() {
            FakeLinks fresh = new FakeLinks().set("fs1", true).set("fs2", false);
            FsHealthMonitor newWorker = worker("app-new", fresh);

            newWorker.check();

            assertThat(votes.tally("fs2", clock.millis()).votes()).extracting(Vote::worker).doesNotContain("app-new");
            assertThat(votes.tally("fs1", clock.millis()).votes()).extracting(Vote::worker).contains("app-new");
            clock.advance(SETTINGS.newNodeGrace());
            newWorker.check();
            assertThat(votes.tally("fs2", clock.millis()).votes())
                    .contains(new Vote("app-new", false, clock.instant()));
        }

        @Test
        void aNewNodeStillDownAfterTheGraceIsVotedAtTheNextLinkWatch() {
            FakeLinks fresh = new FakeLinks().set("fs1", true).set("fs2", false);
            FsHealthMonitor newWorker = worker("app-new", fresh);
            newWorker.check();
            clock.advance(SETTINGS.newNodeGrace());

            newWorker.watchLinks();

            assertThat(votes.tally("fs2", clock.millis()).votes())
                    .contains(new Vote("app-new", false, clock.instant()));
        }
    }

    @Nested
    class Readmission {

        @Test
        void anEvictedNodeMostWorkersReachAgainIsReadmitted() {
            linksA.set("fs2", false);
            linksB.set("fs2", false);
            linksC.set("fs2", false);
            checkAll();
            assertThat(state("fs2")).isEqualTo(HealthState.EVICTED);

            clock.advance(Duration.ofSeconds(10));
            linksA.set("fs2", true);
            workerA.check();
            assertThat(state("fs2")).as("one of three is not enough").isEqualTo(HealthState.EVICTED);
            linksB.set("fs2", true);
            workerB.watchLinks();

            NodeHealth health = nodes.find("fs2", clock.instant()).orElseThrow();
            assertThat(health.state()).isEqualTo(HealthState.HEALTHY);
            assertThat(health.reason()).isEqualTo("reachable from 2 of 3 live workers");
            assertThat(health.since()).isEqualTo(clock.instant());
            assertThat(planNodes()).containsExactly("fs1", "fs2");
            assertThat(meters.counter("outdial.fs.node.readmissions", "fs_node", "fs2").count()).isEqualTo(1);
        }
    }

    @Nested
    class DeadWorkers {

        @Test
        void aDeadWorkersVoteStopsCountingOnceItHasNotVotedForTheLiveWindow() {
            linksC.set("fs2", false);
            workerC.check(); // C votes fs2 down, then dies
            for (int check = 0; check < 3; check++) {
                clock.advance(SETTINGS.checkInterval());
                workerA.check();
                workerB.check();
            }
            linksA.set("fs2", false);

            workerA.check();

            Tally tally = votes.tally("fs2", clock.millis());
            assertThat(tally.liveWorkers()).isEqualTo(2);
            assertThat(tally.votes()).extracting(Vote::worker).containsExactly("app-a", "app-b");
            assertThat(state("fs2")).as("1 of 2 live workers; C's stale vote would have made it 2 of 3")
                    .isEqualTo(HealthState.HEALTHY);
        }

        @Test
        void aWorkersVoteStillCountsWithinTheLiveWindow() {
            linksC.set("fs2", false);
            workerC.check();
            clock.advance(SETTINGS.checkInterval());
            linksA.set("fs2", false);

            workerA.check();

            assertThat(votes.tally("fs2", clock.millis()).liveWorkers()).isEqualTo(3);
            assertThat(state("fs2")).isEqualTo(HealthState.EVICTED);
        }
    }

    private void checkAll() {
        workerA.check();
        workerB.check();
        workerC.check();
    }

    private HealthState state(String nodeId) {
        return nodes.find(nodeId, clock.instant()).orElseThrow().state();
    }

    private List<String> planNodes() {
        CampaignPlan plan = new CampaignRepository(dataSource).find(campaignId, clock.instant()).orElseThrow();
        return plan.fsNodes().stream().map(CampaignPlan.FsNode::id).toList();
    }
}
