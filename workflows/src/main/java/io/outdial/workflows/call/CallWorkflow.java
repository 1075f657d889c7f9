package io.outdial.workflows.call;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * One call and its whole audit trail, with workflow id {@code call-<campaignId>-<taskId>} (a business
 * re-attempt n &gt;= 2 of the task: {@code call-<campaignId>-<taskId>-<n>})
 * ({@link io.outdial.workflows.common.WorkflowIds#call}) on the
 * {@link io.outdial.workflows.common.TaskQueues#CALLS} queue. Search attributes (no phone numbers):
 * CampaignId, TaskId, LineId, FsNode, Attempt when started (set by the starter in its workflow
 * options; the workflow sets them itself when they are missing); CallOutcome and FaultClass once
 * the verdict is known.
 *
 * <p>It places the call ({@link CallActivities#placeCall}, never retried), classifies what happened
 * ({@link FaultClassifier}) and records it ({@link CallActivities#recordOutcome}). A fault that proves
 * the phone did not ring fails over to another line or FS node ({@link FailoverPolicy}), at most
 * {@link CallRequest#maxFailovers()} times, each as a new attempt (LineId, FsNode and Attempt are
 * re-tagged). A place-call activity that fails without a report (timeout, lost worker) or loses its
 * ESL link after sending is reconciled ({@link CallRecoveryActivities#channelExists}, then
 * {@link CallRecoveryActivities#watchChannel}); what cannot be known is INDETERMINATE, never redialed.
 */
@WorkflowInterface
public interface CallWorkflow {

    @WorkflowMethod(name = "Call")
    CallResult run(CallRequest request);
}
