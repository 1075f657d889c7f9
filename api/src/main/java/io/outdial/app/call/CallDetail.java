package io.outdial.app.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One call task in full, as {@code GET /api/v1/calls/{taskId}} returns it.
 *
 * @param call      the task
 * @param attempts  every dial attempt, in order
 * @param workflows every call workflow of the task (the first call and each business re-attempt), in order
 */
@Schema(description = "One call task with its attempts and call workflow histories")
public record CallDetail(CallSummary call, List<CallAttempt> attempts, List<CallWorkflowHistory> workflows) {
}
