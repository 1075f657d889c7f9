package io.outdial.app.campaign;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import org.springframework.stereotype.Component;

/** What Temporal knows of a task's call workflow {@code call-<campaignId>-<taskId>}. */
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

    /** Asks the Temporal frontend; throws if it cannot tell (unreachable, other errors). */
    State of(long campaignId, long taskId) {
        DescribeWorkflowExecutionRequest request = DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace(client.getOptions().getNamespace())
                .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WorkflowIds.call(campaignId, taskId)))
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
