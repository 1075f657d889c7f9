package io.outdial.app.task;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * A JSON batch of numbers to call. Without {@code partial=true} either every valid task is added or none.
 *
 * @param tasks the tasks, 1 to {@value #MAX_TASKS}
 * @param last  true when no more tasks will follow: the campaign's input is closed after the import
 */
public record TaskUploadRequest(List<TaskInput> tasks, Boolean last) {

    /** The largest batch one JSON request may carry; larger uploads use CSV. */
    public static final int MAX_TASKS = 10_000;

    /**
     * One number to call.
     *
     * @param phoneNumber the callee: E.164 ({@code +<country><number>}) or a national number of the tenant's
     *                    default region; spaces, dashes, dots and parentheses are ignored
     * @param externalId  the caller's idempotency key, unique within the campaign: sending it again with the
     *                    same number is reported as existing, never added twice (1 to 100 printable ASCII
     *                    characters without spaces)
     * @param externalRef the caller's own label, returned in reports (at most 200 characters, no control
     *                    characters)
     */
    public record TaskInput(
            @Schema(example = "+1 555 010 0001") String phoneNumber,
            @Schema(example = "crm-4711") String externalId,
            @Schema(example = "customer 4711") String externalRef) {

        /** A task without an external id. */
        public TaskInput(String phoneNumber, String externalRef) {
            this(phoneNumber, null, externalRef);
        }
    }
}
