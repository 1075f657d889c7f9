package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
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
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import io.temporal.worker.Worker;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

class CallFailoverTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private static final CallRequest REQUEST =
            new CallRequest(7, 42, 1, "fs-a", "line-1", "carrier-a", 1_700_000_000_000L, 30);

    private static final PlaceCallResult GATEWAY_DOWN = CallReports.sent().job("-ERR GATEWAY_DOWN").build();
    private static final PlaceCallResult ANSWERED =
            CallReports.sent().answered(12).hangup("NORMAL_CLEARING").sip(200).build();

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
        env.start();
    }

    @Test
    void lineFaultBeforeProgressFailsOverToAnotherLineAsTheNextAttempt() {
        when(activities.placeCall(any())).thenReturn(GATEWAY_DOWN, ANSWERED);
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-a", "line-2", "carrier-b"));

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.ANSWERED);
        List<PlaceCallRequest> placed = placed(2);
        assertThat(placed).extracting(PlaceCallRequest::attempt, PlaceCallRequest::lineId, PlaceCallRequest::gateway,
                PlaceCallRequest::originationUuid).containsExactly(
                org.assertj.core.groups.Tuple.tuple(1, "line-1", "carrier-a", uuid(1)),
                org.assertj.core.groups.Tuple.tuple(2, "line-2", "carrier-b", uuid(2)));
        assertThat(placed.get(1).reservedSecondMs()).as("a whole second of the failover's own time")
                .isPositive().matches(ms -> ms % 1000 == 0);

        FailoverRouteRequest asked = pickRequest();
        assertThat(asked.excludedLineIds()).containsExactly("line-1");
        assertThat(asked.excludedFsNodeIds()).isEmpty();
        assertThat(asked).extracting(FailoverRouteRequest::lastFsNodeId, FailoverRouteRequest::lastLineId)
                .containsExactly("fs-a", "line-1");

        List<OutcomeRecord> records = records(2);
        assertThat(records).extracting(OutcomeRecord::attempt, OutcomeRecord::lineId, OutcomeRecord::finalAttempt)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "line-1", false),
                        org.assertj.core.groups.Tuple.tuple(2, "line-2", true));
        assertThat(records.get(0).verdict().faultClass()).isEqualTo(FaultClass.LINE_FAULT);

        io.temporal.common.SearchAttributes tags = searchAttributes();
        assertThat(tags.get(SearchAttributes.LINE_ID)).isEqualTo("line-2");
        assertThat(tags.get(SearchAttributes.ATTEMPT)).isEqualTo(2L);
        assertThat(tags.get(SearchAttributes.CALL_OUTCOME)).isEqualTo("ANSWERED");
        assertThat(TemporalTesting.events(client, WorkflowIds.call(7, 42),
                EventType.EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES))
                .as("start tags, outcome of attempt 1, route of attempt 2, outcome of attempt 2").hasSize(4);
        TemporalTesting.recordHistory(client, WorkflowIds.call(7, 42), "call-failed-over-line");
    }

    @Test
    void switchFaultBeforeAnyChannelFailsOverToAnotherFsNode() {
        when(activities.placeCall(any())).thenReturn(CallReports.notSent().build(), ANSWERED);
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-b", "line-1", "carrier-a"));

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(placed(2)).extracting(PlaceCallRequest::fsNodeId).containsExactly("fs-a", "fs-b");
        FailoverRouteRequest asked = pickRequest();
        assertThat(asked.excludedFsNodeIds()).containsExactly("fs-a");
        assertThat(asked.excludedLineIds()).isEmpty();
        assertThat(searchAttributes().get(SearchAttributes.FS_NODE)).isEqualTo("fs-b");
        assertThat(records(2).get(0).verdict().faultClass()).isEqualTo(FaultClass.SWITCH_FAULT);
    }

    @Test
    void lineFaultAfterTheCalleesPhoneRangIsNeverFailedOver() {
        when(activities.placeCall(any())).thenReturn(
                CallReports.sent().rang().hangup("NORMAL_TEMPORARY_FAILURE").sip(503).build());

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        verify(activities, times(1)).placeCall(any());
        verify(recovery, never()).pickFailoverRoute(any());
        assertThat(records(1).get(0).finalAttempt()).isTrue();
    }

    @Test
    void calleeOutcomesAreNeverFailedOver() {
        when(activities.placeCall(any())).thenReturn(CallReports.sent().rang().hangup("USER_BUSY").sip(486).build());

        CallResult result = call(REQUEST);

        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.BUSY);
        verify(activities, times(1)).placeCall(any());
        verify(recovery, never()).pickFailoverRoute(any());
    }

    @Test
    void failoversStopAtTheDefaultBoundOfTwo() {
        when(activities.placeCall(any())).thenReturn(GATEWAY_DOWN);
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-a", "line-2", "carrier-b"),
                FailoverRoute.of("fs-a", "line-3", "carrier-c"), FailoverRoute.of("fs-a", "line-4", "carrier-d"));

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(3);
        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.LINE_FAILED);
        assertThat(placed(3)).extracting(PlaceCallRequest::lineId).containsExactly("line-1", "line-2", "line-3");
        assertThat(records(3)).extracting(OutcomeRecord::finalAttempt).containsExactly(false, false, true);
        ArgumentCaptor<FailoverRouteRequest> asked = ArgumentCaptor.forClass(FailoverRouteRequest.class);
        verify(recovery, times(2)).pickFailoverRoute(asked.capture());
        assertThat(asked.getAllValues().get(1).excludedLineIds()).containsExactly("line-1", "line-2");
    }

    @Test
    void aCallsOwnBoundReplacesTheDefaultAndANegativeOneTurnsFailoverOff() {
        when(activities.placeCall(any())).thenReturn(GATEWAY_DOWN);
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-a", "line-2", "carrier-b"));

        assertThat(call(withMaxFailovers(1, 42)).attempts()).isEqualTo(2);
        assertThat(call(withMaxFailovers(-1, 43)).attempts()).isEqualTo(1);
        verify(recovery, times(1)).pickFailoverRoute(any());
    }

    @Test
    void noOtherRouteLeftMakesTheLastVerdictFinal() {
        when(activities.placeCall(any())).thenReturn(GATEWAY_DOWN);
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.none());

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.LINE_FAILED);
        assertThat(records(1).get(0).finalAttempt()).isTrue();
    }

    @Test
    void aRoutePickThatKeepsFailingEndsTheCallWithTheLastVerdict() {
        when(activities.placeCall(any())).thenReturn(GATEWAY_DOWN);
        when(recovery.pickFailoverRoute(any())).thenThrow(new IllegalStateException("PostgreSQL is down"));

        CallResult result = call(REQUEST);

        assertThat(result.verdict().outcome()).isEqualTo(CallOutcome.LINE_FAILED);
        verify(activities, times(1)).placeCall(any());
        verify(recovery, times(5)).pickFailoverRoute(any());
        assertThat(records(1).get(0).finalAttempt()).isTrue();
    }

    @Test
    void aFailedOverAttemptThatLosesItsWorkerIsReconciledOnItsOwnNodeAndNotFailedOverAgain() {
        when(activities.placeCall(any())).thenReturn(CallReports.notSent().build())
                .thenThrow(new IllegalStateException("worker died"));
        when(recovery.pickFailoverRoute(any())).thenReturn(FailoverRoute.of("fs-b", "line-1", "carrier-a"));
        when(recovery.channelExists(any())).thenReturn(new ChannelCheck(false));

        CallResult result = call(REQUEST);

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(result.verdict().faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        verify(recovery).channelExists(new ChannelQuery("fs-b", uuid(2)));
        verify(recovery, times(1)).pickFailoverRoute(any());
        assertThat(records(2)).extracting(OutcomeRecord::finalAttempt).containsExactly(false, true);
    }

    private static CallRequest withMaxFailovers(int maxFailovers, long taskId) {
        return new CallRequest(7, taskId, 1, "fs-a", "line-1", "carrier-a", 1_700_000_000_000L, 30, maxFailovers);
    }

    private static String uuid(int attempt) {
        return WorkflowIds.originationUuid(7, 42, attempt).toString();
    }

    private CallResult call(CallRequest request) {
        return client.newWorkflowStub(CallWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.call(request.campaignId(), request.taskId()))
                .setTaskQueue(TaskQueues.CALLS)
                .build()).run(request);
    }

    private List<PlaceCallRequest> placed(int times) {
        ArgumentCaptor<PlaceCallRequest> placed = ArgumentCaptor.forClass(PlaceCallRequest.class);
        verify(activities, times(times)).placeCall(placed.capture());
        return placed.getAllValues();
    }

    private List<OutcomeRecord> records(int times) {
        ArgumentCaptor<OutcomeRecord> recorded = ArgumentCaptor.forClass(OutcomeRecord.class);
        verify(activities, times(times)).recordOutcome(recorded.capture());
        return recorded.getAllValues();
    }

    private FailoverRouteRequest pickRequest() {
        ArgumentCaptor<FailoverRouteRequest> asked = ArgumentCaptor.forClass(FailoverRouteRequest.class);
        verify(recovery).pickFailoverRoute(asked.capture());
        return asked.getValue();
    }

    private io.temporal.common.SearchAttributes searchAttributes() {
        return client.newUntypedWorkflowStub(WorkflowIds.call(7, 42)).describe().getTypedSearchAttributes();
    }
}
