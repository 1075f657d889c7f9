package io.outdial.workflows.call;

/**
 * How one call ended.
 *
 * @param taskId      the call task
 * @param attempts    dial attempts made
 * @param verdict     the classification of the last attempt
 * @param hangupCause the FreeSWITCH cause of the last attempt's end: its {@code Hangup-Cause}, else
 *                    the cause of a {@code -ERR} job result, else the cause its SIP status maps to;
 *                    {@code null} if none is known
 * @param billsec     billed seconds of the last attempt
 */
public record CallResult(long taskId, int attempts, Classification verdict, String hangupCause, long billsec) {
}
