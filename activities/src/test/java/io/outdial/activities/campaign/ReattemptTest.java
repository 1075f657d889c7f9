package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.call.CallActivitiesImpl;
import io.outdial.activities.call.CallClaims;
import io.outdial.activities.call.CallRepository;
import io.outdial.activities.call.PlaceCallSettings;
import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.FairShareSettings;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.Classification;
import io.outdial.workflows.call.FaultClass;
import io.outdial.workflows.call.OutcomeRecord;
import io.outdial.workflows.call.PlaceCallResult;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.RoundRequest;
import io.outdial.workflows.campaign.RoundResult;
import io.outdial.workflows.common.WorkflowIds;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

/**
 * Business re-attempts end to end through the activities: a call's recorded end queues its task again
 * after the campaign's delay, and rounds release it only when it is due, as a new call workflow with a
 * new attempt number. Real PostgreSQL and Redis, a clock that moves only when told.
 */
@ExtendWith(StorageExtension.class)
class ReattemptTest {

    private static final long SECOND = 1_800_000_000_000L;
    private static final int DELAY_SECONDS = 300;

    /** A call workflow a round started: its request and which call of the task it is. */
    private record Start(CallRequest request, int businessAttempt) {
        String workflowId() {
            return WorkflowIds.call(request.campaignId(), request.taskId(), businessAttempt);
        }
    }

    private final DataSource dataSource;
    private final TestData data;
    private final TaskQueue queue;
    private final JdbcClient jdbc;
    private final MutableClock clock = new MutableClock(SECOND);
    private final List<Start> started = new ArrayList<>();
    private final CampaignActivitiesImpl rounds;
    private final CallActivitiesImpl calls;
    private long nextRound = 1;
    private TestData.Seeded seeded;

    ReattemptTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.data = data;
        this.queue = new TaskQueue(jedis);
        this.jdbc = JdbcClient.create(dataSource);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        Reservations reservations = new Reservations(jedis, FairShareSettings.defaults(), meters, clock);
        CallStarter recording = new CallStarter(null) {
            @Override
            public void start(CallRequest request, int businessAttempt) {
                started.add(new Start(request, businessAttempt));
            }
        };
        this.rounds = new CampaignActivitiesImpl(new CampaignRepository(dataSource), new TaskRepository(dataSource),
                queue, reservations, recording, Runnable::run, jedis, clock, RoundSettings.defaults(),
                Duration.ofMinutes(2), meters, new ConnectRates(jedis), new Random(1));
        // recording an outcome needs no dialer and no recovery steps
        this.calls = new CallActivitiesImpl(new CallRepository(dataSource), new CallClaims(jedis), reservations,
                new ConnectRates(jedis), null, clock, duration -> { }, PlaceCallSettings.defaults(), meters, null,
                queue);
    }

    @BeforeEach
    void seedCampaign() {
        seeded = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
    }

    private void policy(int maxAttempts, int delaySeconds) {
        jdbc.sql("update campaigns set max_attempts = ?, reattempt_delay_seconds = ? where id = ?")
                .params(maxAttempts, delaySeconds, seeded.campaignId()).update();
    }

    private long queuedTask() {
        long task = data.task(seeded.campaignId(), "+15551230000");
        queue.enqueue(seeded.campaignId(), List.of(task));
        return task;
    }

    /** Runs a round for the whole second the clock is in, 10 ms into it. */
    private RoundResult round() {
        long second = clock.millis() - Math.floorMod(clock.millis(), 1000L);
        clock.set(second + 10);
        return rounds.releaseRound(new RoundRequest(seeded.campaignId(), nextRound++, new Pacing(10, 10), second));
    }

    /** Records what the call workflow of {@code start} would record for one of its dial attempts. */
    private void record(Start start, int attempt, FaultClass faultClass, CallOutcome outcome, boolean finalAttempt) {
        long task = start.request().taskId();
        String uuid = WorkflowIds.originationUuid(seeded.campaignId(), task, attempt).toString();
        PlaceCallResult observed = new PlaceCallResult(uuid, true, false, "+OK " + uuid, true,
                outcome == CallOutcome.NO_ANSWER || outcome == CallOutcome.ANSWERED,
                outcome == CallOutcome.ANSWERED, "NORMAL_CLEARING", null, 0, false, false, clock.millis(), 0,
                clock.millis());
        calls.recordOutcome(new OutcomeRecord(seeded.campaignId(), task, attempt, "fs1", "line1", start.workflowId(),
                observed, new Classification(faultClass, outcome), finalAttempt));
    }

    private String status(long task) {
        return data.taskStatus(task);
    }

    private String outcome(long task) {
        return jdbc.sql("select outcome from call_tasks where id = ?").param(task).query(String.class).single();
    }

    private List<UUID> originationUuids(long task) {
        return jdbc.sql("select origination_uuid from call_attempts where task_id = ? order by attempt").param(task)
                .query(UUID.class).list();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BUSY", "NO_ANSWER"})
    void aCalleeWhoDidNotTakeTheCallIsCalledAgainAfterTheDelayAsANewCallWithNewAttemptNumbers(CallOutcome end) {
        policy(2, DELAY_SECONDS);
        long task = queuedTask();

        assertThat(round().released()).isEqualTo(1);
        Start first = started.get(0);
        assertThat(first.workflowId()).isEqualTo("call-" + seeded.campaignId() + "-" + task);
        assertThat(first.request().attempt()).isEqualTo(1);
        // the first call failed over once (attempt 2) before the callee's end
        record(first, 1, FaultClass.LINE_FAULT, CallOutcome.LINE_FAILED, false);
        record(first, 2, FaultClass.CALLEE_OUTCOME, end, true);
        long endedAt = clock.millis();

        assertThat(status(task)).isEqualTo("QUEUED");
        assertThat(queue.delayedIds(seeded.campaignId())).containsExactly(task);
        clock.advance(Duration.ofSeconds(1));
        RoundResult waiting = round();
        assertThat(waiting.released()).isZero();
        assertThat(waiting.queued()).as("a task waiting for its re-attempt counts as queued").isEqualTo(1);
        clock.set(endedAt + DELAY_SECONDS * 1000L - 1000);
        assertThat(round().released()).as("one second before it is due").isZero();
        assertThat(started).hasSize(1);

        clock.set(endedAt + DELAY_SECONDS * 1000L);
        assertThat(round().released()).isEqualTo(1);
        Start second = started.get(1);
        assertThat(second.workflowId()).isEqualTo("call-" + seeded.campaignId() + "-" + task + "-2");
        assertThat(second.request().attempt()).as("above every attempt the first call used").isEqualTo(3);
        assertThat(status(task)).isEqualTo("DIALING");

        record(second, 3, FaultClass.CALLEE_OUTCOME, end, true);
        assertThat(status(task)).as("two calls of at most two").isEqualTo("DONE");
        assertThat(outcome(task)).isEqualTo(end.name());
        assertThat(originationUuids(task)).doesNotHaveDuplicates().hasSize(3);
        assertThat(queue.delayedSize(seeded.campaignId())).isZero();
        clock.advance(Duration.ofHours(1));
        RoundResult drained = round();
        assertThat(drained.queued()).isZero();
        assertThat(drained.inFlight()).isZero();
        assertThat(started).hasSize(2);
    }

    @Test
    void aCampaignThatAllowsOneAttemptEndsABusyTask() {
        long task = queuedTask();
        round();

        record(started.get(0), 1, FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY, true);

        assertThat(status(task)).isEqualTo("DONE");
        assertThat(outcome(task)).isEqualTo("BUSY");
        assertThat(queue.delayedSize(seeded.campaignId())).isZero();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"INDETERMINATE, INDETERMINATE", "ANSWERED, ANSWERED", "CALLEE_OUTCOME, REJECTED",
            "CALLEE_OUTCOME, INVALID_NUMBER", "LINE_FAULT, LINE_FAILED", "SWITCH_FAULT, SWITCH_FAILED"})
    void noOtherEndIsEverCalledAgain(FaultClass faultClass, CallOutcome end) {
        policy(5, 1);
        long task = queuedTask();
        round();

        record(started.get(0), 1, faultClass, end, true);
        clock.advance(Duration.ofMinutes(10));
        RoundResult next = round();

        assertThat(status(task)).isEqualTo("DONE");
        assertThat(outcome(task)).isEqualTo(end.name());
        assertThat(next.released()).isZero();
        assertThat(next.queued()).isZero();
        assertThat(started).hasSize(1);
    }

    @Test
    void aRetriedRecordOfTheEndQueuesTheTaskOnceAndNeverEndsIt() {
        policy(2, DELAY_SECONDS);
        long task = queuedTask();
        round();
        Start first = started.get(0);

        record(first, 1, FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY, true);
        long version = jdbc.sql("select version from call_tasks where id = ?").param(task).query(Long.class).single();
        queue.clear(seeded.campaignId());
        record(first, 1, FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY, true);

        assertThat(status(task)).isEqualTo("QUEUED");
        assertThat(jdbc.sql("select version from call_tasks where id = ?").param(task).query(Long.class).single())
                .isEqualTo(version);
        assertThat(queue.delayedIds(seeded.campaignId())).as("scheduled again by the retry").containsExactly(task);
    }

    @Test
    void aTaskWhoseCampaignWasCancelledDuringTheCallIsNotCalledAgain() {
        policy(3, 1);
        long task = queuedTask();
        round();

        new TaskRepository(dataSource).cancelQueued(seeded.campaignId());
        record(started.get(0), 1, FaultClass.CALLEE_OUTCOME, CallOutcome.NO_ANSWER, true);

        assertThat(status(task)).isEqualTo("DONE");
        assertThat(queue.delayedSize(seeded.campaignId())).isZero();
    }

    @Test
    void theRefillFromPostgresPutsATaskThatIsNotDueYetInTheDelayedSetNotTheQueue() {
        policy(2, DELAY_SECONDS);
        long task = queuedTask();
        round();
        record(started.get(0), 1, FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY, true);
        long endedAt = clock.millis();
        queue.clear(seeded.campaignId()); // Redis lost its data

        clock.advance(Duration.ofSeconds(1));
        RoundResult refilled = round();
        assertThat(refilled.queued()).isEqualTo(1);
        assertThat(queue.size(seeded.campaignId())).isZero();
        assertThat(queue.delayedIds(seeded.campaignId())).containsExactly(task);
        assertThat(round().released()).isZero();

        clock.set(endedAt + DELAY_SECONDS * 1000L);
        assertThat(round().released()).isEqualTo(1);
        assertThat(started.get(1).businessAttempt()).isEqualTo(2);
    }

    @Test
    void aTaskThatIsNotDueFoundInTheQueueGoesBackToWaitInsteadOfBeingDialed() {
        policy(2, DELAY_SECONDS);
        long task = queuedTask();
        round();
        record(started.get(0), 1, FaultClass.CALLEE_OUTCOME, CallOutcome.NO_ANSWER, true);
        queue.clear(seeded.campaignId());
        queue.enqueue(seeded.campaignId(), List.of(task)); // a stale copy of the queue

        clock.advance(Duration.ofSeconds(1));
        RoundResult result = round();

        assertThat(result.released()).isZero();
        assertThat(status(task)).isEqualTo("QUEUED");
        assertThat(queue.size(seeded.campaignId())).isZero();
        assertThat(queue.delayedIds(seeded.campaignId())).containsExactly(task);
    }
}
