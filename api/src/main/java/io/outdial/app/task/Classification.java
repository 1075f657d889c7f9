package io.outdial.app.task;

import io.outdial.app.task.TaskUploadResult.DuplicateRow;
import io.outdial.app.task.TaskUploadResult.RowError;
import java.util.List;

/**
 * The staged rows sorted out against the campaign's tasks and each other.
 *
 * @param fresh         rows to add
 * @param existing      rows whose external id names a task (or an earlier row) with the same number
 * @param duplicates    rows whose number is in the campaign or on an earlier row
 * @param duplicateRows the first duplicates
 * @param errorCount    rows whose external id names a task (or an earlier row) with another number
 * @param firstErrors   the first of them
 */
record Classification(long fresh, long existing, long duplicates, List<DuplicateRow> duplicateRows,
                      long errorCount, List<RowError> firstErrors) {
}
