package io.outdial.workflows.call;

/**
 * Records one call attempt's outcome and releases the reservations it held.
 *
 * @param campaignId  the campaign
 * @param taskId      the call task
 * @param attempt     the dial attempt; (taskId, attempt) is the idempotency key of the upsert
 * @param fsNodeId    the FreeSWITCH node used
 * @param lineId      the line used
 * @param workflowId  the call workflow's id, for the audit trail
 * @param observed    what the place-call activity saw; {@code null} if it failed without a report
 * @param verdict     the classification
 * @param finalAttempt whether the task is done with this attempt (no failover follows)
 */
public record OutcomeRecord(long campaignId, long taskId, int attempt, String fsNodeId, String lineId,
                            String workflowId, PlaceCallResult observed, Classification verdict,
                            boolean finalAttempt) {
}
