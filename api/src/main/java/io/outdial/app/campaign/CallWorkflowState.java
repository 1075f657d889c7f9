package io.outdial.app.campaign;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import org.springframework.stereotype.Component;

/**
 * What Temporal knows of one call workflow of a task: {@code call-<campaignId>-<taskId>} for its first call,
 * {@code call-<campaignId>-<taskId>-<n>} for its n-th (a business re-attempt).
 */
@Component
class CallWorkflowState {

    /** Whether the workflow exists, runs, or has ended. */
    enum State {
        /** No such workflow: no call of this task was ever placed. */
        NOT_FOUND,
        RUNNING,
        /** Completed, failed, timed out, terminated or cancelled. */
        CLOSED
    }

    private final WorkflowClient client;

    CallWorkflowState(WorkflowClient client) {
        this.client = client;
    }

    /** The state of a task's first call workflow. */
    State of(long campaignId, long taskId) {
        return of(campaignId, taskId, 1);
    }

    /**
     * The state of a task's {@code businessAttempt}-th call workflow; asks the Temporal frontend and throws
     * if it cannot tell (unreachable, other errors).
     */
    State of(long campaignId, long taskId, int businessAttempt) {
        DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder()
                        .setWorkflowId(WorkflowIds.call(campaignId, taskId, businessAttempt)))
                .build();
        try {
            WorkflowExecutionStatus status = client.getWorkflowServiceStubs().blockingStub()
                    .describeWorkflowExecution(request).getWorkflowExecutionInfo().getStatus();
            return status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING ? State.RUNNING : State.CLOSED;
        } catch (StatusRuntimeException e) {
            if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
                return State.NOT_FOUND;
            }
            throw e;
        }
    }
}
