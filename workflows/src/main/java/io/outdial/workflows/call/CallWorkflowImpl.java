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
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Places a call, classifies its end, tags the execution with the verdict and records it; fails over
 * to another line or FS node when the verdict proves the phone did not ring ({@link FailoverPolicy}),
 * up to the request's bound, each attempt with its own channel uuid and a fresh reservation.
 * A place-call activity is never retried. When it failed without a report or lost its ESL link after
 * sending, the call is reconciled ({@link Reconciliation}): if its channel still exists it is followed
 * to its end, else the verdict is INDETERMINATE; a reconciled call is never redialed.
 *
 * <p>Every attempt is recorded (only the last with {@code finalAttempt}) and re-tags LineId, FsNode and
 * Attempt, so each shows in the history and in the search attributes' upserts.
 *
 * <p>Versions: the record is a local activity from {@link #RECORD_LOCALLY} on; failover from
 * {@link #FAILOVER} on; reconciling from {@link #RECONCILE} on. Each version is asked only where its
 * behaviour would start, so histories recorded before it replay unchanged.
 */
public class CallWorkflowImpl implements CallWorkflow {

    static final Duration RECORD_TIMEOUT = Duration.ofSeconds(10);

    /**
     * How long the local record keeps retrying (PostgreSQL or Redis down). A local activity with neither
     * this nor a maximum of attempts is never retried by the SDK: one failed write would fail the call.
     */
    static final Duration RECORD_RETRY_FOR = Duration.ofDays(1);

    /** How long the workflow keeps asking an unreachable FS node whether the channel exists. */
    static final Duration RECONCILE_BUDGET = Duration.ofSeconds(60);

    private static final Logger log = Workflow.getLogger(CallWorkflowImpl.class);

    /** Change id of "record-outcome runs as a local activity"; version 1 and on do. */
    static final String RECORD_LOCALLY = "record-outcome-local";

    /** Change id of "a line or switch fault fails over to another route"; version 1 and on do. */
    static final String FAILOVER = "failover";

    /** Change id of "a call without a report is reconciled with its FS node"; version 1 and on do. */
    static final String RECONCILE = "reconcile";

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
                    .setScheduleToCloseTimeout(RECORD_RETRY_FOR)
                    .setRetryOptions(RECORD_RETRY)
                    .build());

    private final CallRecoveryActivities routes = Workflow.newActivityStub(CallRecoveryActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CALLS)
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(5))
                            .setMaximumAttempts(5)
                            .build())
                    .build());

    private final CallRecoveryActivities prober = Workflow.newActivityStub(CallRecoveryActivities.class,
            ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CALLS)
                    .setStartToCloseTimeout(Duration.ofSeconds(10))
                    .setScheduleToCloseTimeout(RECONCILE_BUDGET)
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofSeconds(5))
                            .build())
                    .build());

    @Override
    public CallResult run(CallRequest request) {
        tagStartUnlessTagged(request);
        Attempt attempt = new Attempt(request.attempt(), request.fsNodeId(), request.lineId(), request.gateway(),
                request.reservedSecondMs());
        List<String> excludedNodes = new ArrayList<>();
        List<String> excludedLines = new ArrayList<>();
        int failovers = 0;
        while (true) {
            String uuid = WorkflowIds.originationUuid(request.campaignId(), request.taskId(), attempt.number())
                    .toString();
            PlaceCallResult observed = place(request, attempt, uuid);
            boolean reconciled = Reconciliation.needed(observed)
                    && Workflow.getVersion(RECONCILE, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION;
            if (reconciled) {
                observed = reconcile(request, attempt, uuid, observed);
            }
            Classification verdict = reconciled
                    ? Reconciliation.verdict(observed) : FaultClassifier.classify(observed);
            FailoverPolicy.Move move = reconciled ? FailoverPolicy.Move.NONE : FailoverPolicy.move(observed, verdict);
            FailoverRoute next = FailoverRoute.none();
            if (move != FailoverPolicy.Move.NONE && failovers < FailoverPolicy.maxFailovers(request)
                    && Workflow.getVersion(FAILOVER, Workflow.DEFAULT_VERSION, 1) != Workflow.DEFAULT_VERSION) {
                (move == FailoverPolicy.Move.OTHER_LINE ? excludedLines : excludedNodes)
                        .add(move == FailoverPolicy.Move.OTHER_LINE ? attempt.lineId() : attempt.fsNodeId());
                next = pickRoute(request, attempt, excludedNodes, excludedLines);
            }
            boolean finalAttempt = !next.found();
            log.info("call task {} attempt {}: {} ({}){}", request.taskId(), attempt.number(), verdict.outcome(),
                    verdict.faultClass(), finalAttempt ? "" : ", failing over to " + next.fsNodeId() + "/"
                            + next.lineId());
            Workflow.upsertTypedSearchAttributes(
                    SearchAttributes.CALL_OUTCOME.valueSet(verdict.outcome().name()),
                    SearchAttributes.FAULT_CLASS.valueSet(verdict.faultClass().name()));
            recorder().recordOutcome(new OutcomeRecord(request.campaignId(), request.taskId(), attempt.number(),
                    attempt.fsNodeId(), attempt.lineId(), Workflow.getInfo().getWorkflowId(), observed, verdict,
                    finalAttempt));
            if (finalAttempt) {
                return new CallResult(request.taskId(), attempt.number() - request.attempt() + 1, verdict,
                        observed == null ? null : FaultClassifier.causeOf(observed),
                        observed == null ? 0 : observed.billsec());
            }
            failovers++;
            long now = Workflow.currentTimeMillis();
            attempt = new Attempt(attempt.number() + 1, next.fsNodeId(), next.lineId(), next.gateway(),
                    now - Math.floorMod(now, 1000L));
            Workflow.upsertTypedSearchAttributes(
                    SearchAttributes.LINE_ID.valueSet(attempt.lineId()),
                    SearchAttributes.FS_NODE.valueSet(attempt.fsNodeId()),
                    SearchAttributes.ATTEMPT.valueSet((long) attempt.number()));
        }
    }

    private CallActivities recorder() {
        return Workflow.getVersion(RECORD_LOCALLY, Workflow.DEFAULT_VERSION, 1) == Workflow.DEFAULT_VERSION
                ? remoteRecorder
                : localRecorder;
    }

    /** Runs the place-call activity once; {@code null} when it failed without a report. */
    private PlaceCallResult place(CallRequest request, Attempt attempt, String uuid) {
        CallActivities placer = Workflow.newActivityStub(CallActivities.class, placeOptions(request));
        try {
            return placer.placeCall(new PlaceCallRequest(request.campaignId(), request.taskId(), attempt.number(),
                    attempt.fsNodeId(), attempt.lineId(), attempt.gateway(), uuid, attempt.reservedSecondMs(),
                    request.ringTimeoutSeconds()));
        } catch (ActivityFailure e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            log.warn("call task {} attempt {}: place-call failed without a report, never redialled: {}",
                    request.taskId(), attempt.number(), cause.getMessage());
            return null;
        }
    }

    /** Another route, or none when none is left or the pick keeps failing. */
    private FailoverRoute pickRoute(CallRequest request, Attempt failed, List<String> excludedNodes,
                                    List<String> excludedLines) {
        try {
            FailoverRoute route = routes.pickFailoverRoute(new FailoverRouteRequest(request.campaignId(),
                    request.taskId(), failed.fsNodeId(), failed.lineId(), List.copyOf(excludedNodes),
                    List.copyOf(excludedLines)));
            return route == null ? FailoverRoute.none() : route;
        } catch (ActivityFailure e) {
            log.warn("call task {}: no failover route could be picked: {}", request.taskId(), e.getMessage());
            return FailoverRoute.none();
        }
    }

    /**
     * Asks the attempt's FS node about its channel and follows it to its end if it still exists.
     * Returns what is then known: the report unchanged when the channel is gone or the node could not
     * be asked (its verdict is then INDETERMINATE).
     */
    private PlaceCallResult reconcile(CallRequest request, Attempt attempt, String uuid, PlaceCallResult observed) {
        boolean exists;
        try {
            exists = prober.channelExists(new ChannelQuery(attempt.fsNodeId(), uuid)).exists();
        } catch (ActivityFailure e) {
            log.warn("call task {} attempt {}: FS node {} could not be asked about the call: {}", request.taskId(),
                    attempt.number(), attempt.fsNodeId(), e.getMessage());
            return observed;
        }
        log.info("call task {} attempt {}: channel {} on {}", request.taskId(), attempt.number(),
                exists ? "still exists, following it" : "is gone", attempt.fsNodeId());
        if (!exists) {
            return observed;
        }
        Duration watch = CallLimits.watchTime(request.ringTimeoutSeconds());
        CallRecoveryActivities watcher = Workflow.newActivityStub(CallRecoveryActivities.class,
                ActivityOptions.newBuilder()
                        .setTaskQueue(TaskQueues.CALLS)
                        .setStartToCloseTimeout(watch.plus(CallLimits.WATCH_MARGIN))
                        .setHeartbeatTimeout(CallLimits.HEARTBEAT_INTERVAL.multipliedBy(4))
                        .setRetryOptions(RetryOptions.newBuilder()
                                .setInitialInterval(Duration.ofSeconds(1))
                                .setMaximumAttempts(3)
                                .build())
                        .build());
        try {
            ChannelEnd end = watcher.watchChannel(new ChannelWatchRequest(attempt.fsNodeId(), uuid, watch.toSeconds()));
            return Reconciliation.merge(observed, uuid, end);
        } catch (ActivityFailure e) {
            log.warn("call task {} attempt {}: following the channel failed: {}", request.taskId(), attempt.number(),
                    e.getMessage());
            return observed;
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

    /** One dial: its number, route and the second whose CAPS token it starts from. */
    private record Attempt(int number, String fsNodeId, String lineId, String gateway, long reservedSecondMs) {
    }
}
