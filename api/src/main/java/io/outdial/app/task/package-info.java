/**
 * Task upload ({@code POST /api/v1/campaigns/{id}/tasks}): a JSON batch of up to 10,000 tasks or a streamed
 * CSV of up to 1,000,000 rows. Rows are validated in a streaming loop (numbers through
 * {@link io.outdial.activities.tasks.PhoneNumberNormaliser}, in parallel), copied into a staging table with
 * PostgreSQL {@code COPY}, classified with set-based SQL (new, existing by external id, duplicate number,
 * external id conflict) and inserted in one statement; the new ids are queued in Redis after the commit.
 * Without {@code partial=true} any row error imports nothing.
 */
package io.outdial.app.task;
