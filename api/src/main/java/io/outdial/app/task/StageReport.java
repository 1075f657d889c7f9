package io.outdial.app.task;

import io.outdial.app.task.TaskUploadResult.RowError;
import java.util.List;

/**
 * What staging an upload found before any SQL ran.
 *
 * @param received    rows read
 * @param errorCount  row errors found while validating
 * @param firstErrors the first of them, in line order
 */
record StageReport(long received, long errorCount, List<RowError> firstErrors) {
}
