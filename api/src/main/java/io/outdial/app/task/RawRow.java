package io.outdial.app.task;

/**
 * One row as uploaded, not yet validated. A missing value is {@code null}.
 *
 * @param line the CSV physical line where the row starts, or the JSON index
 */
record RawRow(long line, String phoneNumber, String externalId, String externalRef) {
}
