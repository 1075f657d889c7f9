package io.outdial.workflows.call;

import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Places one call once, classifies its end, tags the execution with the verdict and records it.
 * A failed place-call activity (timeout, worker death) is never retried: its verdict is
 * INDETERMINATE, because the phone may have rung.
 *
 * <p>The record is a local activity (version {@link #RECORD_LOCALLY} on): it runs inside the workflow
 * task that learns the verdict, so a call costs one activity task and two workflow tasks fewer on the
 * Temporal server; it shows in the history as a marker with the same input and result. Histories
 * started before that version replay with the record as an ordinary activity.
 */
public class CallWorkflowImpl implements CallWorkflow {

    /** Dials per workflow. Failover (another line or FS node, each with a fresh reservation) will raise it. */
    static final int MAX_DIALS = 1;

    static final Duration RECORD_TIMEOUT = Duration.ofSeconds(10);

    private static final Logger log = Workflow.getLogger(CallWorkflowImpl.class);

    /** Change id of "record-outcome runs as a local activity"; version 1 and on do. */
    static final String RECORD_LOCALLY = "record-outcome-local";

    private static final RetryOptions RECORD_RETRY = RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumInterval(Duration.ofSeconds(30))
            .build();

    private final CallActivities remoteRecorder = Workflow.newActivityStub(CallActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CALLS)
                    .setStartToCloseTimeout(RECORD_TIMEOUT)
                    .setRetryOptions(RECORD_RETRY)
                    .build());

    private final CallActivities localRecorder = Workflow.newLocalActivityStub(CallActivities.class,
            LocalActivityOptions.newBuilder()
                    .setStartToCloseTimeout(RECORD_TIMEOUT)
                    .setRetryOptions(RECORD_RETRY)
                    .build());

    @Override
    public CallResult run(CallRequest request) {
        tagStartUnlessTagged(request);
        Dial last;
        int dials = 0;
        do {
            dials++;
            last = dial(request, request.attempt() + dials - 1, dials == MAX_DIALS);
        } while (!last.finalAttempt());
        PlaceCallResult observed = last.observed();
        return new CallResult(request.taskId(), dials, last.verdict(),
                observed == null ? null : FaultClassifier.causeOf(observed),
                observed == null ? 0 : observed.billsec());
    }

    private Dial dial(CallRequest request, int attempt, boolean lastAllowed) {
        PlaceCallResult observed = place(request, attempt);
        Classification verdict = FaultClassifier.classify(observed);
        // Failover will make this "lastAllowed || the verdict allows no other line or FS node" and,
        // before the next dial, take a fresh reservation and re-tag LineId, FsNode and Attempt.
        boolean finalAttempt = lastAllowed;
        log.info("call task {} attempt {}: {} ({})", request.taskId(), attempt, verdict.outcome(),
                verdict.faultClass());
        Workflow.upsertTypedSearchAttributes(
                SearchAttributes.CALL_OUTCOME.valueSet(verdict.outcome().name()),
                SearchAttributes.FAULT_CLASS.valueSet(verdict.faultClass().name()));
        recorder().recordOutcome(new OutcomeRecord(request.campaignId(), request.taskId(), attempt,
                request.fsNodeId(), request.lineId(), Workflow.getInfo().getWorkflowId(), observed, verdict,
                finalAttempt));
        return new Dial(observed, verdict, finalAttempt);
    }

    private CallActivities recorder() {
        return Workflow.getVersion(RECORD_LOCALLY, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                ? remoteRecorder
                : localRecorder;
    }

    /** Runs the place-call activity once; {@code null} when it failed without a report. */
    private PlaceCallResult place(CallRequest request, int attempt) {
        CallActivities placer = Workflow.newActivityStub(CallActivities.class, placeOptions(request));
        String uuid = WorkflowIds.originationUuid(request.campaignId(), request.taskId(), attempt).toString();
        try {
            return placer.placeCall(new PlaceCallRequest(request.campaignId(), request.taskId(), attempt,
                    request.fsNodeId(), request.lineId(), request.gateway(), uuid, request.reservedSecondMs(),
                    request.ringTimeoutSeconds()));
        } catch (ActivityFailure e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("call task {} attempt {}: place-call failed without a report, never redialled: {}",
                    request.taskId(), attempt, cause.getMessage());
            return null;
        }
    }

    static ActivityOptions placeOptions(CallRequest request) {
        return ActivityOptions.newBuilder()
                .setTaskQueue(TaskQueues.CALLS)
                .setStartToCloseTimeout(
                        CallLimits.watchTime(request.ringTimeoutSeconds()).plus(CallLimits.WATCH_MARGIN))
                .setHeartbeatTimeout(CallLimits.HEARTBEAT_INTERVAL.multipliedBy(4))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build();
    }

    /** The round sets these when it starts the workflow; a caller that did not gets them here. */
    private static void tagStartUnlessTagged(CallRequest request) {
        if (Workflow.getTypedSearchAttributes().containsKey(SearchAttributes.CAMPAIGN_ID)) {
            return;
        }
        Workflow.upsertTypedSearchAttributes(
                SearchAttributes.CAMPAIGN_ID.valueSet(Long.toString(request.campaignId())),
                SearchAttributes.TASK_ID.valueSet(Long.toString(request.taskId())),
                SearchAttributes.LINE_ID.valueSet(request.lineId()),
                SearchAttributes.FS_NODE.valueSet(request.fsNodeId()),
                SearchAttributes.ATTEMPT.valueSet((long) request.attempt()));
    }

    private record Dial(PlaceCallResult observed, Classification verdict, boolean finalAttempt) {
    }
}
