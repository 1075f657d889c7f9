package io.outdial.app.campaign;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A batch of numbers to call. Either every task is added or none.
 *
 * @param tasks the tasks, at most {@value #MAX_TASKS}
 * @param last  true when no more tasks will follow (the campaign may complete once they are called)
 */
public record AddTasksRequest(@NotNull @Size(min = 1, max = MAX_TASKS) List<@Valid @NotNull TaskInput> tasks,
                              Boolean last) {

    /** The largest batch one request may carry. */
    public static final int MAX_TASKS = 10_000;

    /**
     * One number to call.
     *
     * @param phoneNumber the callee; spaces, dashes, dots and parentheses are ignored
     * @param externalRef the caller's own reference, returned in reports
     */
    public record TaskInput(@NotNull String phoneNumber, @Size(max = 200) String externalRef) {
    }
}
