package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.activities.testsupport.TestTemporal;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallWorkflow;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.FinishRequest;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.RoundRequest;
import io.outdial.workflows.campaign.RoundResult;
import io.outdial.workflows.campaign.StatusChange;
import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

@ExtendWith(StorageExtension.class)
class CampaignActivitiesImplTest {

    private static final long SECOND = 1_800_000_000_000L;

    private final DataSource dataSource;
    private final JedisPooled jedis;
    private final TestData data;
    private final MutableClock clock = new MutableClock(SECOND + 50);
    private final Queue<CallRequest> started = new ConcurrentLinkedQueue<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TestWorkflowEnvironment temporal;
    private CampaignActivitiesImpl activities;
    private TaskQueue queue;

    CampaignActivitiesImplTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.data = data;
    }

    @BeforeEach
    void startTemporal() {
        temporal = TestTemporal.environment();
        Worker calls = temporal.newWorker(TaskQueues.CALLS);
        calls.registerWorkflowImplementationFactory(CallWorkflow.class, () -> new RecordingCallWorkflow(started));
        temporal.start();
        activities = new CampaignActivitiesImpl(dataSource, jedis, temporal.getWorkflowClient(), clock,
                RoundSettings.defaults(), meters);
        queue = new TaskQueue(jedis);
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    private RoundResult round(long campaignId, long roundNo, int caps, long secondMs) {
        return activities.releaseRound(new RoundRequest(campaignId, roundNo, new Pacing(caps, 100), secondMs));
    }

    private List<Long> seedTasks(long campaignId, int count) {
        List<Long> ids = data.tasks(campaignId, count);
        queue.enqueue(campaignId, ids);
        return ids;
    }

    @Test
    void releasesUpToTheCampaignCapsAndStartsOneCallWorkflowPerTask() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100)
                .ringTimeoutSeconds(25).create();
        List<Long> tasks = seedTasks(s.campaignId(), 5);

        RoundResult result = round(s.campaignId(), 1, 3, SECOND);

        assertThat(result).isEqualTo(new RoundResult(3, 2, 3, "CAMPAIGN_CAPS"));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 3);
        assertThat(started).extracting(CallRequest::taskId).containsExactlyInAnyOrderElementsOf(tasks.subList(0, 3));
        assertThat(started).allSatisfy(call -> {
            assertThat(call.campaignId()).isEqualTo(s.campaignId());
            assertThat(call.attempt()).isEqualTo(1);
            assertThat(call.fsNodeId()).isEqualTo("fs1");
            assertThat(call.lineId()).isEqualTo("line1");
            assertThat(call.gateway()).isEqualTo("gw1");
            assertThat(call.reservedSecondMs()).isEqualTo(SECOND);
            assertThat(call.ringTimeoutSeconds()).isEqualTo(25);
            assertThat(call.maxFailovers()).isEqualTo(RoundSettings.DEFAULT_MAX_FAILOVERS);
        });
        assertThat(tasks.subList(0, 3)).allSatisfy(id -> assertThat(data.taskStatus(id)).isEqualTo("DIALING"));
        assertThat(data.taskStatus(tasks.get(3))).isEqualTo("QUEUED");
    }

    @Test
    void callWorkflowsCarryTheirSearchAttributes() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        long task = seedTasks(s.campaignId(), 1).get(0);

        round(s.campaignId(), 1, 3, SECOND);

        io.temporal.common.SearchAttributes attributes = temporal.getWorkflowClient()
                .newUntypedWorkflowStub(WorkflowIds.call(s.campaignId(), task))
                .describe().getTypedSearchAttributes();
        assertThat(attributes.get(SearchAttributes.CAMPAIGN_ID)).isEqualTo(Long.toString(s.campaignId()));
        assertThat(attributes.get(SearchAttributes.TASK_ID)).isEqualTo(Long.toString(task));
        assertThat(attributes.get(SearchAttributes.FS_NODE)).isEqualTo("fs1");
        assertThat(attributes.get(SearchAttributes.LINE_ID)).isEqualTo("line1");
        assertThat(attributes.get(SearchAttributes.ATTEMPT)).isEqualTo(1L);
    }

    @Test
    void aRepeatedRoundReturnsItsFirstResultAndReleasesNothingMore() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        seedTasks(s.campaignId(), 5);

        RoundResult first = round(s.campaignId(), 1, 2, SECOND);
        RoundResult repeat = round(s.campaignId(), 1, 2, SECOND);

        assertThat(repeat).isEqualTo(first);
        assertThat(meters.counter("outdial.round.calls.released").count()).isEqualTo(2);
        assertThat(queue.size(s.campaignId())).isEqualTo(3);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 2);
        assertThat(new TaskRepository(dataSource).countByStatus(s.campaignId())).containsEntry("DIALING", 2L);
    }

    @Test
    void aRoundWhoseSecondIsOverReleasesNothing() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        seedTasks(s.campaignId(), 5);
        clock.set(SECOND + 1_000);

        RoundResult result = round(s.campaignId(), 1, 10, SECOND);

        assertThat(result).isEqualTo(new RoundResult(0, 5, 0, "TIME_BUDGET"));
        assertThat(new TaskRepository(dataSource).countByStatus(s.campaignId())).containsOnlyKeys("QUEUED");
    }

    @Test
    void unusedTaskIdsGoBackToTheQueueHeadInOrder() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 1).create();
        List<Long> tasks = seedTasks(s.campaignId(), 5);

        RoundResult result = round(s.campaignId(), 1, 10, SECOND);

        assertThat(result).isEqualTo(new RoundResult(1, 4, 1, "LINE"));
        assertThat(queue.lease(s.campaignId(), 10)).isEqualTo(tasks.subList(1, 5));
    }

    @Test
    void concurrencyHeldByEarlierRoundsLimitsTheNextRound() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100)
                .maxConcurrency(3).create();
        seedTasks(s.campaignId(), 10);

        RoundResult first = activities.releaseRound(new RoundRequest(s.campaignId(), 1, new Pacing(2, 3), SECOND));
        clock.set(SECOND + 1_050);
        RoundResult second = activities.releaseRound(
                new RoundRequest(s.campaignId(), 2, new Pacing(2, 3), SECOND + 1_000));

        assertThat(first.released()).isEqualTo(2);
        assertThat(second).isEqualTo(new RoundResult(1, 7, 3, "CAMPAIGN_CONCURRENCY"));
    }

    @Test
    void aCampaignAtItsConcurrencyLimitLeavesItsQueueAlone() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 4);
        activities.releaseRound(new RoundRequest(s.campaignId(), 1, new Pacing(10, 2), SECOND));

        RoundResult next = activities.releaseRound(new RoundRequest(s.campaignId(), 2, new Pacing(10, 2), SECOND));

        assertThat(next).isEqualTo(new RoundResult(0, 2, 2, "CAMPAIGN_CONCURRENCY"));
        assertThat(queue.lease(s.campaignId(), 10)).isEqualTo(tasks.subList(2, 4));
    }

    @Test
    void aLineOrNodeThatDeniesIsSkippedForTheOthers() {
        TestData.Seeded s = data.campaign()
                .fsNode("fs1", 100, 1).fsNode("fs2", 100, 100)
                .line("line1", "gw1", 1, 100).line("line2", "gw2", 100, 100)
                .create();
        seedTasks(s.campaignId(), 5);

        RoundResult result = round(s.campaignId(), 1, 5, SECOND);

        assertThat(result.released()).isEqualTo(5);
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 5);
        assertThat(started).filteredOn(c -> c.fsNodeId().equals("fs1")).hasSize(1);
        assertThat(started).filteredOn(c -> c.lineId().equals("line1")).hasSize(1);
    }

    @Test
    void stopsWhenEveryNodeHasDenied() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 1, 100).fsNode("fs2", 1, 100)
                .line("line1", "gw1", 100, 100).create();
        seedTasks(s.campaignId(), 5);

        assertThat(round(s.campaignId(), 1, 5, SECOND)).isEqualTo(new RoundResult(2, 3, 2, "FS_NODE"));
    }

    @Test
    void aDisabledNodeIsNeverUsed() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).fsNode("fs2", 100, 100)
                .line("line1", "gw1", 100, 100).create();
        data.fsNodeEnabled("fs1", false);
        seedTasks(s.campaignId(), 4);

        round(s.campaignId(), 1, 4, SECOND);

        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 4);
        assertThat(started).extracting(CallRequest::fsNodeId).containsOnly("fs2");
    }

    @Test
    void aTaskNoLongerQueuedIsDroppedNotDialed() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 3);
        new TaskRepository(dataSource).markDialing(tasks.get(1), 0);

        RoundResult result = round(s.campaignId(), 1, 10, SECOND);

        assertThat(result).isEqualTo(new RoundResult(2, 0, 2, "QUEUE_EMPTY"));
        await().atMost(Duration.ofSeconds(10)).until(() -> started.size() == 2);
        assertThat(started).extracting(CallRequest::taskId).doesNotContain(tasks.get(1));
    }

    @Test
    void aCallWorkflowAlreadyStartedCountsAsStarted() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        long task = seedTasks(s.campaignId(), 1).get(0);
        CallRequest earlier = new CallRequest(s.campaignId(), task, 1, "fs1", "line1", "gw1", SECOND, 30);
        WorkflowClient.start(temporal.getWorkflowClient().newWorkflowStub(CallWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(WorkflowIds.call(s.campaignId(), task))
                        .setTaskQueue(TaskQueues.CALLS).build())::run, earlier);

        RoundResult result = round(s.campaignId(), 1, 10, SECOND);

        assertThat(result.released()).isEqualTo(1);
        assertThat(data.taskStatus(task)).isEqualTo("DIALING");
    }

    @Test
    void anEmptyQueueReleasesNothing() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();

        assertThat(round(s.campaignId(), 1, 10, SECOND)).isEqualTo(new RoundResult(0, 0, 0, "QUEUE_EMPTY"));
    }

    @Test
    void queuedTasksMissingFromRedisAreQueuedAgainAndDialedByTheNextRound() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        // in PostgreSQL only: Redis lost the queue, or a killed round had leased them
        List<Long> tasks = data.tasks(s.campaignId(), 3);

        RoundResult first = round(s.campaignId(), 1, 10, SECOND);
        RoundResult second = round(s.campaignId(), 2, 10, SECOND + 1000);

        assertThat(first.queued()).as("the campaign must not look drained").isEqualTo(3);
        assertThat(second.released()).isEqualTo(3);
        assertThat(tasks).allSatisfy(id -> assertThat(data.taskStatus(id)).isEqualTo("DIALING"));
    }

    @Test
    void dialingTasksCountAsInFlightWhenRedisLostTheirLeases() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        seedTasks(s.campaignId(), 2);
        round(s.campaignId(), 1, 10, SECOND);
        jedis.flushAll();

        RoundResult result = round(s.campaignId(), 2, 10, SECOND + 1000);

        assertThat(result.queued()).isZero();
        assertThat(result.inFlight()).as("the campaign must not complete before its calls end").isEqualTo(2);
    }

    @Test
    void recordsStatusAndPacingAndSaysWhetherTheStatusChanged() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();

        assertThat(activities.recordStatus(new StatusChange(s.campaignId(), CampaignStatus.PAUSED, new Pacing(7, 70)))
                .changed()).isTrue();
        assertThat(activities.recordStatus(new StatusChange(s.campaignId(), CampaignStatus.PAUSED, new Pacing(8, 80)))
                .changed()).isFalse();
        assertThat(JdbcClient.create(dataSource)
                .sql("select status || ' ' || caps || ' ' || max_concurrency from campaigns where id = ?")
                .param(s.campaignId()).query(String.class).single()).isEqualTo("PAUSED 8 80");
    }

    @Test
    void finishingACancelledCampaignCancelsQueuedTasksOnce() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 4);
        round(s.campaignId(), 1, 1, SECOND);

        long cancelled = activities.finish(new FinishRequest(s.campaignId(), CampaignStatus.CANCELLED)).cancelledTasks();
        long again = activities.finish(new FinishRequest(s.campaignId(), CampaignStatus.CANCELLED)).cancelledTasks();

        assertThat(cancelled).isEqualTo(3);
        assertThat(again).isEqualTo(3);
        assertThat(queue.size(s.campaignId())).isZero();
        assertThat(data.taskStatus(tasks.get(0))).isEqualTo("DIALING");
        assertThat(new Reservations(jedis).inFlight(s.poolId(), s.campaignId(), clock.millis())).isEqualTo(1);
    }
}
