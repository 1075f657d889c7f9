package io.outdial.app.task;

import io.outdial.app.task.TaskUploadResult.RowError;
import java.util.List;

/**
 * A batch of rows after validation: the valid ones already encoded as PostgreSQL {@code COPY} text, the
 * errors of the others.
 *
 * @param rows      how many rows the batch held
 * @param copyText  the valid rows, one {@code COPY} text line each (UTF-8)
 * @param errors    the invalid rows' errors, in line order
 */
record CheckedBatch(int rows, byte[] copyText, List<RowError> errors) {
}
