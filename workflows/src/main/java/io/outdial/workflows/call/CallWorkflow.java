package io.outdial.workflows.call;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One call and its whole audit trail, with workflow id {@code call-<campaignId>-<taskId>}
 * ({@link io.outdial.workflows.common.WorkflowIds#call}) on the
 * {@link io.outdial.workflows.common.TaskQueues#CALLS} queue. Search attributes (no phone numbers):
 * CampaignId, TaskId, LineId, FsNode, Attempt when started (set by the starter in its workflow
 * options; the workflow sets them itself when they are missing); CallOutcome and FaultClass once
 * the verdict is known.
 *
 * <p>It places the call once ({@link CallActivities#placeCall}, never retried), classifies what
 * happened ({@link FaultClassifier}) and records it ({@link CallActivities#recordOutcome}). A
 * place-call activity that fails without a report (timeout, lost worker) gives INDETERMINATE.
 */
@WorkflowInterface
public interface CallWorkflow {

    @WorkflowMethod(name = "Call")
    CallResult run(CallRequest request);
}
