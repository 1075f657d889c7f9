package io.outdial.workflows.campaign;

import java.util.List;

/**
 * What became of a batch of tasks (the result of the {@code addTasks} update and the {@code AddTasks}
 * activity). Every task of the batch is counted once: added, existing or rejected.
 *
 * @param added    tasks stored and queued now
 * @param existing tasks whose external id the campaign already had with the same number (not added again)
 * @param rejected tasks not added, each with its index in the batch and why
 */
public record TasksAdded(int added, int existing, List<RejectedTask> rejected) {

    /**
     * A task that was not added.
     *
     * @param index  its position in the batch, from 0
     * @param reason why, e.g. {@code phoneNumber is too short}; never quotes the number
     */
    public record RejectedTask(int index, String reason) {
    }
}
