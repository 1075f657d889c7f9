package io.outdial.workflows.call;

/**
 * Places one call, once.
 *
 * @param campaignId         the campaign
 * @param taskId             the call task; its phone number is read from PostgreSQL
 * @param attempt            the dial attempt, from 1; (taskId, attempt) is the idempotency key
 * @param fsNodeId           the FreeSWITCH node to dial through
 * @param lineId             the line to dial on
 * @param gateway            the FreeSWITCH gateway of that line
 * @param originationUuid    the channel uuid to give the call ({@code origination_uuid})
 * @param reservedSecondMs   the whole second (epoch ms) whose CAPS token was reserved; the originate
 *                           is sent inside that second, or inside a later one whose token it takes
 * @param ringTimeoutSeconds how long the callee's phone may ring
 */
public record PlaceCallRequest(long campaignId, long taskId, int attempt, String fsNodeId, String lineId,
                               String gateway, String originationUuid, long reservedSecondMs,
                               int ringTimeoutSeconds) {
}
