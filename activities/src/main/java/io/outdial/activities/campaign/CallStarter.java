package io.outdial.activities.campaign;

import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallWorkflow;
import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;

/** Starts the workflow of one call, with its deterministic id and its search attributes. */
public class CallStarter {

    private final WorkflowClient client;

    public CallStarter(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Starts the call workflow of a task's {@code businessAttempt}-th call
     * ({@link WorkflowIds#call(long, long, int)}); the first goes through {@link #start(CallRequest)}.
     */
    public void start(CallRequest request, int businessAttempt) {
        if (businessAttempt <= 1) {
            start(request);
        } else {
            startAs(request, WorkflowIds.call(request.campaignId(), request.taskId(), businessAttempt));
        }
    }

    /**
     * Starts {@code call-<campaignId>-<taskId>}, a task's first call. A workflow with that id already
     * started (by an earlier try of the same round) counts as started.
     *
     * <p>Eager start: when this node runs a worker on the calls task queue with a free workflow task
     * slot, the server hands the call's first workflow task back in the start response, and that worker
     * runs it without a poll through the task queue. Otherwise (no local worker, or a server without
     * eager start) the start is an ordinary one.
     */
    public void start(CallRequest request) {
        startAs(request, WorkflowIds.call(request.campaignId(), request.taskId()));
    }

    private void startAs(CallRequest request, String workflowId) {
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.CALLS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setDisableEagerExecution(false)
                .setTypedSearchAttributes(io.temporal.common.SearchAttributes.newBuilder()
                        .set(SearchAttributes.CAMPAIGN_ID, Long.toString(request.campaignId()))
                        .set(SearchAttributes.TASK_ID, Long.toString(request.taskId()))
                        .set(SearchAttributes.LINE_ID, request.lineId())
                        .set(SearchAttributes.FS_NODE, request.fsNodeId())
                        .set(SearchAttributes.ATTEMPT, (long) request.attempt())
                        .build())
                .build();
        CallWorkflow call = client.newWorkflowStub(CallWorkflow.class, options);
        try {
            WorkflowClient.start(call::run, request);
        } catch (WorkflowExecutionAlreadyStarted alreadyStarted) {
            // an earlier try of this round started it: that is the call, started once
        }
    }
}
