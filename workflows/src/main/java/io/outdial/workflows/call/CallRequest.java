package io.outdial.workflows.call;

/**
 * Starts the workflow of one call. It carries no phone number: the place-call activity reads the
 * number from the system of record, so numbers never enter workflow histories.
 *
 * @param campaignId         the campaign
 * @param taskId             the call task
 * @param attempt            the dial attempt of this task, from 1
 * @param fsNodeId           the FreeSWITCH node chosen (and reserved) for the call
 * @param lineId             the line chosen (and reserved) for the call
 * @param gateway            the FreeSWITCH gateway name of that line
 * @param reservedSecondMs   the whole second (epoch ms) whose CAPS token the round reserved
 * @param ringTimeoutSeconds how long the callee's phone may ring
 * @param maxFailovers       how many times the call may move to another line or FS node after a fault
 *                           that proves the phone did not ring; 0 (or absent, in payloads written
 *                           before this field existed) means {@link FailoverPolicy#DEFAULT_MAX_FAILOVERS},
 *                           a negative value turns failover off
 */
public record CallRequest(long campaignId, long taskId, int attempt, String fsNodeId, String lineId,
                          String gateway, long reservedSecondMs, int ringTimeoutSeconds, int maxFailovers) {

    /** A call with the default failover bound. */
    public CallRequest(long campaignId, long taskId, int attempt, String fsNodeId, String lineId, String gateway,
                       long reservedSecondMs, int ringTimeoutSeconds) {
        this(campaignId, taskId, attempt, fsNodeId, lineId, gateway, reservedSecondMs, ringTimeoutSeconds, 0);
    }
}
