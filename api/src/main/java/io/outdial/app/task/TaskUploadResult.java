package io.outdial.app.task;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * What an upload did. Lines are CSV physical lines (the header is line 1) or JSON indexes (from 0).
 *
 * @param received      rows (or JSON tasks) read
 * @param added         tasks added to the campaign
 * @param imported      the same as {@code added}
 * @param existing      rows whose external id already names a task with the same number: not added again
 * @param duplicates    rows skipped because their number is already in the campaign or on an earlier line
 * @param duplicateRows the first {@value TaskUploadService#MAX_LISTED} duplicate rows
 * @param errorCount    how many row errors there were (with {@code partial=true}; else the upload is a 400)
 * @param errors        the first {@value TaskUploadService#MAX_LISTED} row errors
 * @param inputClosed   whether the campaign's input is closed after this upload
 * @param taskIds       the new tasks' ids in upload order (JSON uploads only)
 */
public record TaskUploadResult(long received, long added, long imported, long existing, long duplicates,
                               List<DuplicateRow> duplicateRows, long errorCount, List<RowError> errors,
                               boolean inputClosed,
                               @JsonInclude(JsonInclude.Include.NON_NULL) List<Long> taskIds) {

    /**
     * A row that was not imported because of an invalid value. The message never quotes the value.
     *
     * @param line    the CSV line or JSON index
     * @param field   the CSV column ({@code phone_number}) or JSON path ({@code tasks[3].phoneNumber})
     * @param message what is wrong
     */
    public record RowError(long line, String field, String message) {
    }

    /**
     * A row skipped because its number is in the campaign already.
     *
     * @param line        the CSV line or JSON index
     * @param of          {@code EXISTING_TASK} or {@code EARLIER_LINE}
     * @param earlierLine the first line with this number, for {@code EARLIER_LINE}
     */
    public record DuplicateRow(long line, @Schema(allowableValues = {"EXISTING_TASK", "EARLIER_LINE"}) String of,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long earlierLine) {
    }
}
