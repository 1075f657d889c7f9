package io.outdial.workflows.campaign;

import java.util.List;

/**
 * The payload of the {@code addTasks} update: a batch of tasks for a running or paused campaign.
 *
 * @param tasks 1 to {@link #MAX_TASKS} tasks, in the order they should be dialed; empty only with
 *              {@code last}, to close the input without adding anything
 * @param last  true when no more tasks will follow: the input is closed once the batch is stored
 */
public record TaskBatch(List<NewTask> tasks, boolean last) {

    /** The most tasks one {@code addTasks} update may carry. */
    public static final int MAX_TASKS = 1_000;
}
