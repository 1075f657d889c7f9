package io.outdial.app.call;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One call workflow of a task and its history, as Temporal has it.
 *
 * @param workflowId   {@code call-<campaignId>-<taskId>}, or {@code call-<campaignId>-<taskId>-<n>} for the n-th
 * @param status       the workflow's status (RUNNING, COMPLETED, FAILED...), or {@code null} if unknown
 * @param webUiUrl     the workflow's page in the Temporal Web UI
 * @param timeline     its history events in order; {@code null} when Temporal could not give it
 * @param historyError why there is no timeline (Temporal unreachable, or the history is gone after retention)
 */
@Schema(description = "One call workflow of a task and its history timeline")
public record CallWorkflowHistory(String workflowId, String status, String webUiUrl, List<TimelineEvent> timeline,
                                  String historyError) {
}
