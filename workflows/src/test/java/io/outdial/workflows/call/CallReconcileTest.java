package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
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
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class CallReconcileTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private static final CallRequest REQUEST =
            new CallRequest(7, 42, 1, "fs-a", "line-1", "carrier-a", 1_700_000_000_000L, 30);
    private static final String UUID = WorkflowIds.originationUuid(7, 42, 1).toString();

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
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-b", "line-2", "carrier-b"));
        env.start();
    }

    @Test
    void aCallWhoseWorkerDiedIsFollowedToItsEndWhenItsChannelStillExists() {
        when(activities.placeCall(any())).thenThrow(new IllegalStateException("worker died"));
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(true));
        AtomicReference<ActivityInfo> watchInfo = new AtomicReference<>();
        when(recovery.watchChannel(any())).thenAnswer(invocation -> {
            watchInfo.set(Activity.getExecutionContext().getInfo());
            return new ChannelEnd(true, false, true, "NORMAL_CLEARING", 200, 25, 1_700_000_004_000L,
                    1_700_000_030_000L);
        });

        CallResult result = call();

        assertThat(result.verdict()).isEqualTo(new Classification(FaultClass.ANSWERED, CallOutcome.ANSWERED));
        assertThat(result.billsec()).isEqualTo(25);
        verify(activities, times(1)).placeCall(any());
        verify(recovery, never()).pickFailoverRoute(any());
        ArgumentCaptor<ChannelWatchRequest> watched = ArgumentCaptor.forClass(ChannelWatchRequest.class);
        verify(recovery).watchChannel(watched.capture());
        assertThat(watched.getValue()).extracting(ChannelWatchRequest::fsNodeId, ChannelWatchRequest::originationUuid)
                .containsExactly("fs-a", UUID);
        assertThat(watchInfo.get().getActivityTaskQueue()).isEqualTo(TaskQueues.CALLS);
        assertThat(watchInfo.get().getHeartbeatTimeout()).isEqualTo(CallLimits.HEARTBEAT_INTERVAL.multipliedBy(4));
        OutcomeRecord recorded = recorded();
        assertThat(recorded.finalAttempt()).isTrue();
        assertThat(recorded.observed()).extracting(PlaceCallResult::originationUuid, PlaceCallResult::sent,
                PlaceCallResult::answered, PlaceCallResult::billsec).containsExactly(UUID, true, true, 25L);
        assertThat(searchAttributes().get(SearchAttributes.CALL_OUTCOME)).isEqualTo("ANSWERED");
        TemporalTesting.recordHistory(client, WorkflowIds.call(7, 42), "call-reconciled-followed");
    }

    @Test
    void aLostLinkAfterSendingWithTheChannelGoneIsIndeterminateAndNeverRedialed() {
        when(activities.placeCall(any())).thenReturn(CallReports.sent().job(null).connectionLost().build());
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(false));

        CallResult result = call();

        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        verify(activities, times(1)).placeCall(any());
        verify(recovery).channelExists(new ChannelQuery("fs-a", UUID));
        verify(recovery, never()).watchChannel(any());
        verify(recovery, never()).pickFailoverRoute(any());
        assertThat(recorded().finalAttempt()).isTrue();
    }

    @Test
    void aNodeThatCannotBeAskedGivesIndeterminateAfterRetrying() {
        when(activities.placeCall(any())).thenThrow(new IllegalStateException("heartbeat timeout"));
        when(recovery.channelExists(any())).thenThrow(new IllegalStateException("FS node fs-a not connected"));

        CallResult result = call();

        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        verify(recovery, atLeast(2)).channelExists(any());
        verify(recovery, never()).watchChannel(any());
        verify(activities, times(1)).placeCall(any());
        assertThat(recorded().observed()).isNull();
    }

    @Test
    void aFollowedChannelEndingInALineFaultIsIndeterminateNotFailedOver() {
        when(activities.placeCall(any())).thenThrow(new IllegalStateException("worker died"));
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(true));
        when(recovery.watchChannel(any())).thenReturn(
                new ChannelEnd(true, false, false, "NORMAL_TEMPORARY_FAILURE", 503, 0, 0, 1_700_000_010_000L));

        CallResult result = call();

        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        verify(activities, times(1)).placeCall(any());
        verify(recovery, never()).pickFailoverRoute(any());
    }

    @Test
    void aChannelThatEndedUnseenIsIndeterminate() {
        when(activities.placeCall(any())).thenReturn(CallReports.sent().job(null).connectionLost().build());
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(true));
        when(recovery.watchChannel(any())).thenReturn(ChannelEnd.unseen(1_700_000_010_000L));

        CallResult result = call();

        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        assertThat(recorded().observed().timedOut()).as("the end was not seen").isTrue();
        verify(activities, times(1)).placeCall(any());
    }

    private CallResult call() {
        return client.newWorkflowStub(CallWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.call(7, 42))
                .setTaskQueue(TaskQueues.CALLS)
                .build()).run(REQUEST);
    }

    private OutcomeRecord recorded() {
        ArgumentCaptor<OutcomeRecord> recorded = ArgumentCaptor.forClass(OutcomeRecord.class);
        verify(activities).recordOutcome(recorded.capture());
        return recorded.getValue();
    }

    private io.temporal.common.SearchAttributes searchAttributes() {
        return client.newUntypedWorkflowStub(WorkflowIds.call(7, 42)).describe().getTypedSearchAttributes();
    }
}
