package io.outdial.activities.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.Lease;
import io.outdial.activities.pacing.Limits;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.pacing.Route;
import io.outdial.activities.pacing.Verdict;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.call.CallActivities;
import io.outdial.workflows.call.CallLimits;
import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.Classification;
import io.outdial.workflows.call.FaultClass;
import io.outdial.workflows.call.OutcomeRecord;
import io.outdial.workflows.call.PlaceCallRequest;
import io.outdial.workflows.call.PlaceCallResult;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestActivityEnvironment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

@ExtendWith(StorageExtension.class)
class CallActivitiesImplTest {

    private static final long SECOND = 1_800_000_000_000L;
    private static final Limits ROOMY = new Limits(100, 100, 100, 100, 100, 100);
    private static final Limits ONE_LINE_TOKEN = new Limits(100, 100, 100, 100, 1, 100);

    private final DataSource dataSource;
    private final JedisPooled jedis;
    private final TestData data;
    private final Reservations reservations;
    private final MutableClock clock = new MutableClock(SECOND + 200);
    private final RecordingDialer dialer = new RecordingDialer(clock);
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final AtomicInteger heartbeats = new AtomicInteger();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private TestActivityEnvironment environment;
    private CallActivities activities;
    private TestData.Seeded seeded;
    private long taskId;

    CallActivitiesImplTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.data = data;
        this.reservations = new Reservations(jedis);
    }

    @BeforeEach
    void setUp() {
        seeded = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 1, 100).ringTimeoutSeconds(20)
                .create();
        taskId = data.task(seeded.campaignId(), "+15551234567");
        environment = TestActivityEnvironment.newInstance();
        environment.setActivityHeartbeatListener(Object.class, details -> heartbeats.incrementAndGet());
        Sleeper sleeper = duration -> {
            sleeps.add(duration);
            clock.advance(duration);
        };
        environment.registerActivitiesImplementations(new CallActivitiesImpl(new CallRepository(dataSource),
                new CallClaims(jedis), reservations, new ConnectRates(jedis), dialer, clock, sleeper, PlaceCallSettings.defaults(), meters));
        activities = environment.newActivityStub(CallActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());
    }

    @AfterEach
    void tearDown() {
        environment.close();
    }

    private Route route() {
        return new Route(seeded.poolId(), seeded.campaignId(), "fs1", "line1");
    }

    private Lease lease(int attempt) {
        return Lease.of(route(), taskId, attempt);
    }

    private void reserveAsTheRoundDid(int attempt) {
        assertThat(reservations.reserve(lease(attempt), ROOMY, SECOND, SECOND + 10, SECOND + 120_000))
                .isEqualTo(Verdict.GRANTED);
    }

    private PlaceCallRequest request(int attempt) {
        return new PlaceCallRequest(seeded.campaignId(), taskId, attempt, "fs1", "line1", "gw1",
                WorkflowIds.originationUuid(seeded.campaignId(), taskId, attempt).toString(), SECOND, 20);
    }

    @Nested
    class PlacingACall {

        @Test
        void dialsTheStoredNumberInsideTheReservedSecond() {
            reserveAsTheRoundDid(1);

            PlaceCallResult result = activities.placeCall(request(1));

            assertThat(result.sent()).isTrue();
            assertThat(result.duplicate()).isFalse();
            assertThat(dialer.sent()).hasSize(1);
            RecordingDialer.Sent sent = dialer.sent().get(0);
            assertThat(sent.atMs()).isEqualTo(SECOND + 200);
            assertThat(sent.dial().number()).isEqualTo("+15551234567");
            assertThat(sent.dial().fsNodeId()).isEqualTo("fs1");
            assertThat(sent.dial().gateway()).isEqualTo("gw1");
            assertThat(sent.dial().originationUuid()).isEqualTo(request(1).originationUuid());
            assertThat(sent.dial().channelVars()).isEqualTo(Map.of(
                    "campaign_id", Long.toString(seeded.campaignId()), "task_id", Long.toString(taskId)));
            assertThat(sent.dial().ringTimeout()).isEqualTo(Duration.ofSeconds(20));
            assertThat(sent.dial().watchTimeout()).isEqualTo(CallLimits.watchTime(20));
            assertThat(sleeps).isEmpty();
        }

        @Test
        void anAttemptClaimedBeforeSendsNothing() {
            reserveAsTheRoundDid(1);
            activities.placeCall(request(1));

            PlaceCallResult repeat = activities.placeCall(request(1));

            assertThat(repeat.duplicate()).isTrue();
            assertThat(repeat.sent()).isFalse();
            assertThat(dialer.sent()).hasSize(1);
            assertThat(meters.counter("outdial.call.placements", "result", "duplicate").count()).isEqualTo(1);
            assertThat(meters.counter("outdial.call.placements", "result", "sent").count()).isEqualTo(1);
        }

        @Test
        void aCallThatMissedItsSecondTakesATokenOfTheCurrentOne() {
            reserveAsTheRoundDid(1);
            clock.set(SECOND + 1_500);

            activities.placeCall(request(1));

            assertThat(dialer.sent()).extracting(RecordingDialer.Sent::atMs).containsExactly(SECOND + 1_500);
            assertThat(reservations.takeCapsToken(route(), ONE_LINE_TOKEN, SECOND + 1_000))
                    .as("the line's one token of that second is taken").isEqualTo(Verdict.LINE_CAPS);
        }

        @Test
        void neverSendsInTheGuardBeforeASecondEnds() {
            reserveAsTheRoundDid(1);
            clock.set(SECOND + 980);

            activities.placeCall(request(1));

            assertThat(dialer.sent()).extracting(RecordingDialer.Sent::atMs).containsExactly(SECOND + 1_000);
        }

        @Test
        void waitsForTheNextSecondWhenTheCurrentOneHasNoTokenLeft() {
            reserveAsTheRoundDid(1);
            reservations.takeCapsToken(route(), ONE_LINE_TOKEN, SECOND + 1_000);
            clock.set(SECOND + 1_500);

            activities.placeCall(request(1));

            assertThat(dialer.sent()).extracting(RecordingDialer.Sent::atMs).containsExactly(SECOND + 2_000);
            assertThat(heartbeats.get()).as("a wait shorter than the heartbeat interval costs no heartbeat").isZero();
        }

        @Test
        void aFailoverAttemptWithoutALeaseReservesOneFirst() {
            PlaceCallResult result = activities.placeCall(request(2));

            assertThat(result.sent()).isTrue();
            assertThat(dialer.sent()).extracting(RecordingDialer.Sent::atMs).containsExactly(SECOND + 200);
            assertThat(reservations.inFlight(seeded.poolId(), seeded.campaignId(), clock.millis())).isEqualTo(1);
        }

        @Test
        void sendsNothingOnALineEvictedSinceTheRoundChoseIt() {
            reserveAsTheRoundDid(1);
            JdbcClient.create(dataSource).sql("update lines set health_state = 'EVICTED', evicted_until = ?")
                    .param(java.sql.Timestamp.from(clock.instant().plusSeconds(120))).update();

            PlaceCallResult result = activities.placeCall(request(1));

            assertThat(result.sent()).isFalse();
            assertThat(result.duplicate()).isFalse();
            assertThat(dialer.sent()).isEmpty();
        }

        @Test
        void sendsNothingThroughAnFsNodeEvictedSinceTheRoundChoseIt() {
            reserveAsTheRoundDid(1);
            JdbcClient.create(dataSource).sql("update fs_nodes set evicted_until = '9999-12-31T00:00:00Z'").update();

            PlaceCallResult result = activities.placeCall(request(1));

            assertThat(result.sent()).isFalse();
            assertThat(dialer.sent()).isEmpty();
        }

        @Test
        void sendsTheProbeTrickleOnALineWhoseCoolDownIsOver() {
            reserveAsTheRoundDid(1);
            JdbcClient.create(dataSource).sql("update lines set health_state = 'EVICTED', evicted_until = ?")
                    .param(java.sql.Timestamp.from(clock.instant().minusSeconds(1))).update();

            PlaceCallResult result = activities.placeCall(request(1));

            assertThat(result.sent()).isTrue();
            assertThat(dialer.sent()).hasSize(1);
        }

        @Test
        void givesUpUnsentWhenNoSlotFreesUpInTime() {
            Limits lineFull = new Limits(100, 100, 100, 100, 100, 100);
            JdbcClient.create(dataSource).sql("update lines set max_concurrency = 1").update();
            reservations.reserve(Lease.of(route(), 999, 1), lineFull, SECOND, SECOND, SECOND + 3_600_000);

            PlaceCallResult result = activities.placeCall(request(2));

            assertThat(result.sent()).isFalse();
            assertThat(result.duplicate()).isFalse();
            assertThat(dialer.sent()).isEmpty();
            assertThat(clock.millis() - (SECOND + 200)).isGreaterThanOrEqualTo(5_000);
        }

        @Test
        void aRejectedDialFailsWithoutQuotingTheNumber() {
            reserveAsTheRoundDid(1);
            dialer.rejectEveryDial();

            assertThatThrownBy(() -> activities.placeCall(request(1)))
                    .isInstanceOf(ActivityFailure.class)
                    .cause().isInstanceOf(ApplicationFailure.class)
                    .hasMessageContaining("InvalidDial")
                    .hasMessageNotContaining("123456");
        }

        @Test
        void heartbeatsRenewTheCallsLeases() {
            reserveAsTheRoundDid(1);
            dialer.whileWatching(heartbeat -> {
                clock.advance(Duration.ofMinutes(10));
                heartbeat.run();
            });

            activities.placeCall(request(1));

            assertThat(jedis.zscore(leaseKeyOfCampaign(), taskId + ":1"))
                    .isEqualTo((double) (SECOND + 200 + Duration.ofMinutes(10).toMillis() + 60_000));
        }
    }

    @Nested
    class RecordingTheOutcome {

        private OutcomeRecord outcome(int attempt, boolean finalAttempt) {
            PlaceCallResult seen = new PlaceCallResult(request(attempt).originationUuid(), true, false, "+OK",
                    true, true, true, "NORMAL_CLEARING", 200, 42, false, false, SECOND, SECOND + 5_000, SECOND + 47_000);
            return new OutcomeRecord(seeded.campaignId(), taskId, attempt, "fs1", "line1", "call-x", seen,
                    new Classification(FaultClass.ANSWERED, CallOutcome.ANSWERED), finalAttempt);
        }

        @Test
        void recordsTheAttemptOnceMarksTheTaskDoneAndReleasesTheLeases() {
            reserveAsTheRoundDid(1);

            assertThat(activities.recordOutcome(outcome(1, true)).inserted()).isTrue();
            assertThat(activities.recordOutcome(outcome(1, true)).inserted()).isFalse();

            JdbcClient jdbc = JdbcClient.create(dataSource);
            assertThat(jdbc.sql("select count(*) from call_attempts").query(Long.class).single()).isEqualTo(1);
            assertThat(jdbc.sql("select billsec || ' ' || outcome || ' ' || answered from call_attempts")
                    .query(String.class).single()).isEqualTo("42 ANSWERED true");
            assertThat(jdbc.sql("select status || ' ' || outcome || ' ' || fault_class from call_tasks where id = ?")
                    .param(taskId).query(String.class).single()).isEqualTo("DONE ANSWERED ANSWERED");
            assertThat(reservations.inFlight(seeded.poolId(), seeded.campaignId(), SECOND)).isZero();
        }

        @Test
        void countsEachSentAttemptOnceAndItsConnectForTheLinesConnectRate() {
            ConnectRates rates = new ConnectRates(jedis);
            activities.recordOutcome(outcome(1, false));
            activities.recordOutcome(outcome(1, false));

            // optimistic prior 2 of 4, plus 1 of 1
            assertThat(rates.rates(seeded.poolId(), List.of("line1"), clock.millis()).get("line1")).isEqualTo(0.6);

            OutcomeRecord busy = new OutcomeRecord(seeded.campaignId(), taskId, 2, "fs1", "line1", "call-x",
                    outcome(2, true).observed(), new Classification(FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY), true);
            activities.recordOutcome(busy);

            assertThat(rates.rates(seeded.poolId(), List.of("line1"), clock.millis()).get("line1")).isEqualTo(0.5);
        }

        @Test
        void aNonFinalAttemptLeavesTheTaskDialing() {
            new io.outdial.activities.tasks.TaskRepository(dataSource).markDialing(taskId, 0);

            activities.recordOutcome(outcome(1, false));

            assertThat(data.taskStatus(taskId)).isEqualTo("DIALING");
        }

        @Test
        void recordsAnAttemptThatFailedWithoutAReport() {
            OutcomeRecord unreported = new OutcomeRecord(seeded.campaignId(), taskId, 1, "fs1", "line1", "call-x",
                    null, new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE), true);

            assertThat(activities.recordOutcome(unreported).inserted()).isTrue();
            assertThat(JdbcClient.create(dataSource).sql("select sent from call_attempts").query(Boolean.class)
                    .single()).isFalse();
        }
    }

    private String leaseKeyOfCampaign() {
        return "pace:{pool:" + seeded.poolId() + "}:lease:campaign:" + seeded.campaignId();
    }
}
