package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.outdial.workflows.testing.TemporalTesting;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityInfo;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class CallWorkflowImplTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private static final CallRequest REQUEST =
            new CallRequest(7, 42, 1, "fs-a", "line-1", "carrier-a", 1_700_000_000_000L, 30);

    private final CallActivities activities = mock(CallActivities.class, withSettings().withoutAnnotations());
    private final CallRecoveryActivities recovery =
            mock(CallRecoveryActivities.class, withSettings().withoutAnnotations());
    private WorkflowClient client;

    @BeforeEach
    void startWorker(TestWorkflowEnvironment env) {
        this.client = env.getWorkflowClient();
        Worker worker = env.newWorker(TaskQueues.CALLS);
        worker.registerWorkflowImplementationTypes(CallWorkflowImpl.class);
        worker.registerActivitiesImplementations(activities, recovery);
        when(activities.recordOutcome(any())).thenReturn(new OutcomeRecorded(true));
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(false));
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.none());
        env.start();
    }

    @Test
    void answeredCallIsPlacedOnceRecordedAndTaggedWithItsOutcome() {
        when(activities.placeCall(any())).thenReturn(
                CallReports.sent().answered(42).hangup("NORMAL_CLEARING").sip(200).build());

        CallResult result = callStub(true).run(REQUEST);

        assertThat(result).isEqualTo(new CallResult(42, 1,
                new Classification(FaultClass.ANSWERED, CallOutcome.ANSWERED), "NORMAL_CLEARING", 42));
        verify(activities, times(1)).placeCall(any());
        OutcomeRecord recorded = recordedOutcome();
        assertThat(recorded.workflowId()).isEqualTo(WorkflowIds.call(7, 42));
        assertThat(recorded.verdict().outcome()).isEqualTo(CallOutcome.ANSWERED);
        assertThat(recorded.finalAttempt()).isTrue();
        assertThat(recorded.observed().billsec()).isEqualTo(42);
        assertThat(recorded).extracting(OutcomeRecord::campaignId, OutcomeRecord::taskId, OutcomeRecord::attempt,
                OutcomeRecord::fsNodeId, OutcomeRecord::lineId).containsExactly(7L, 42L, 1, "fs-a", "line-1");

        io.temporal.common.SearchAttributes tags = searchAttributes();
        assertThat(tags.get(SearchAttributes.CALL_OUTCOME)).isEqualTo("ANSWERED");
        assertThat(tags.get(SearchAttributes.FAULT_CLASS)).isEqualTo("ANSWERED");
        assertThat(tags.get(SearchAttributes.CAMPAIGN_ID)).isEqualTo("7");
        TemporalTesting.recordHistory(client, WorkflowIds.call(7, 42), "call-answered");
    }

    @Test
    void failedPlaceCallIsIndeterminateAndNeverRetried() {
        when(activities.placeCall(any())).thenThrow(new IllegalStateException("worker lost the ESL link"));

        CallResult result = callStub(true).run(REQUEST);

        assertThat(result.verdict()).isEqualTo(
                new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE));
        assertThat(result.hangupCause()).isNull();
        verify(activities, times(1)).placeCall(any());
        OutcomeRecord recorded = recordedOutcome();
        assertThat(recorded.observed()).isNull();
        assertThat(recorded.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        assertThat(recorded.finalAttempt()).isTrue();
        assertThat(searchAttributes().get(SearchAttributes.FAULT_CLASS)).isEqualTo("INDETERMINATE");
        // recorded before reconciling (CallWorkflowImpl.RECONCILE) as call-place-failed
        TemporalTesting.recordHistory(client, WorkflowIds.call(7, 42), "call-place-failed-reconciled");
    }

    @Test
    void busyCallIsRecordedAsTheCalleesOutcome() {
        when(activities.placeCall(any())).thenReturn(
                CallReports.sent().rang().hangup("USER_BUSY").sip(486).build());

        CallResult result = callStub(true).run(REQUEST);

        assertThat(result.verdict()).isEqualTo(new Classification(FaultClass.CALLEE_OUTCOME, CallOutcome.BUSY));
        assertThat(result.hangupCause()).isEqualTo("USER_BUSY");
        assertThat(searchAttributes().get(SearchAttributes.CALL_OUTCOME)).isEqualTo("BUSY");
    }

    @Test
    void aRecordThatFailsIsRetriedUntilItSucceedsAndTheCallCompletes() {
        when(activities.placeCall(any())).thenReturn(
                CallReports.sent().rang().hangup("USER_BUSY").sip(486).build());
        when(activities.recordOutcome(any()))
                .thenThrow(new IllegalStateException("PostgreSQL is restarting"))
                .thenThrow(new IllegalStateException("PostgreSQL is restarting"))
                .thenReturn(new OutcomeRecorded(true));

        CallResult result = callStub(true).run(REQUEST);

        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.BUSY);
        verify(activities, times(3)).recordOutcome(any());
        verify(activities, times(1)).placeCall(any());
    }

    @Test
    void placeCallGetsTheDeterministicChannelUuidTheWatchTimeoutAndNoRetry() {
        AtomicReference<ActivityInfo> info = new AtomicReference<>();
        when(activities.placeCall(any())).thenAnswer(invocation -> {
            info.set(Activity.getExecutionContext().getInfo());
            return CallReports.sent().created().hangup("NO_ANSWER").build();
        });

        callStub(true).run(REQUEST);

        ArgumentCaptor<PlaceCallRequest> placed = ArgumentCaptor.forClass(PlaceCallRequest.class);
        verify(activities).placeCall(placed.capture());
        assertThat(placed.getValue().originationUuid())
                .isEqualTo(WorkflowIds.originationUuid(7, 42, 1).toString());
        assertThat(UUID.fromString(placed.getValue().originationUuid()).version()).as("name-based").isEqualTo(3);
        assertThat(placed.getValue()).extracting(PlaceCallRequest::gateway, PlaceCallRequest::reservedSecondMs,
                PlaceCallRequest::ringTimeoutSeconds).containsExactly("carrier-a", 1_700_000_000_000L, 30);
        assertThat(info.get().getActivityTaskQueue()).isEqualTo(TaskQueues.CALLS);
        assertThat(info.get().getStartToCloseTimeout())
                .isEqualTo(Duration.ofSeconds(30).plus(CallLimits.MAX_TALK_TIME).plus(CallLimits.WATCH_MARGIN));
        assertThat(info.get().getHeartbeatTimeout()).isEqualTo(CallLimits.HEARTBEAT_INTERVAL.multipliedBy(4));
        assertThat(info.get().getAttempt()).isEqualTo(1);
    }

    @Test
    void callStartedWithoutSearchAttributesTagsItself() {
        when(activities.placeCall(any())).thenReturn(CallReports.notSent().build());

        CallResult result = callStub(false).run(REQUEST);

        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.SWITCH_FAULT);
        io.temporal.common.SearchAttributes tags = searchAttributes();
        assertThat(tags.get(SearchAttributes.CAMPAIGN_ID)).isEqualTo("7");
        assertThat(tags.get(SearchAttributes.TASK_ID)).isEqualTo("42");
        assertThat(tags.get(SearchAttributes.LINE_ID)).isEqualTo("line-1");
        assertThat(tags.get(SearchAttributes.FS_NODE)).isEqualTo("fs-a");
        assertThat(tags.get(SearchAttributes.ATTEMPT)).isEqualTo(1L);
        assertThat(tags.get(SearchAttributes.CALL_OUTCOME)).isEqualTo("SWITCH_FAILED");
    }

    private CallWorkflow callStub(boolean taggedByRound) {
        WorkflowOptions.Builder options = WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.call(REQUEST.campaignId(), REQUEST.taskId()))
                .setTaskQueue(TaskQueues.CALLS);
        if (taggedByRound) {
            options.setTypedSearchAttributes(io.temporal.common.SearchAttributes.newBuilder()
                    .set(SearchAttributes.CAMPAIGN_ID, "7")
                    .set(SearchAttributes.TASK_ID, "42")
                    .set(SearchAttributes.LINE_ID, "line-1")
                    .set(SearchAttributes.FS_NODE, "fs-a")
                    .set(SearchAttributes.ATTEMPT, 1L)
                    .build());
        }
        return client.newWorkflowStub(CallWorkflow.class, options.build());
    }

    private OutcomeRecord recordedOutcome() {
        ArgumentCaptor<OutcomeRecord> recorded = ArgumentCaptor.forClass(OutcomeRecord.class);
        verify(activities).recordOutcome(recorded.capture());
        return recorded.getValue();
    }

    private io.temporal.common.SearchAttributes searchAttributes() {
        return client.newUntypedWorkflowStub(WorkflowIds.call(REQUEST.campaignId(), REQUEST.taskId()))
                .describe().getTypedSearchAttributes();
    }
}
