package io.outdial.workflows.call;

/**
 * How one call ended.
 *
 * @param taskId      the call task
 * @param attempts    dial attempts made
 * @param verdict     the classification of the last attempt
 * @param hangupCause the FreeSWITCH hangup cause of the last attempt, if any
 * @param billsec     billed seconds of the last attempt
 */
public record CallResult(long taskId, int attempts, Classification verdict, String hangupCause, long billsec) {
}
