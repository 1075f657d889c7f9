package io.outdial.workflows.campaign;

import java.util.List;

/**
 * Stores a batch of tasks (the {@code AddTasks} activity).
 *
 * @param campaignId the campaign
 * @param batchKey   the idempotency key of the batch, unique within the campaign (the workflow uses
 *                   {@code update-<updateId>}): a batch already stored under this key is not stored again
 * @param tasks      the tasks, in dialing order
 * @param closeInput true to close the campaign's input in the same transaction
 */
public record AddTasksRequest(long campaignId, String batchKey, List<NewTask> tasks, boolean closeInput) {
}
