package io.outdial.app.call;

import java.time.Instant;
import java.util.UUID;

/**
 * One dial attempt of a call task, as the call workflow recorded it.
 *
 * @param attempt         its number within the task (failovers count)
 * @param fsNodeId        the FS node it was sent through
 * @param lineId          the line it was sent on
 * @param originationUuid the FreeSWITCH channel's uuid
 * @param workflowId      the call workflow that placed it
 * @param sent            whether the originate left for FreeSWITCH
 * @param jobResult       the originate's job result ({@code +OK ...} or {@code -ERR <cause>}), or {@code null}
 * @param channelCreated  whether a channel was created
 * @param progress        whether the call rang (progress seen)
 * @param answered        whether it was answered
 * @param hangupCause     the hangup cause, or {@code null}
 * @param sipStatus       the SIP status, or {@code null}
 * @param billsec         seconds talked
 * @param faultClass      what its end proves about where it failed
 * @param outcome         what happened, as a campaign manager reads it
 * @param startedAt       when it was sent
 * @param answeredAt      when it was answered, or {@code null}
 * @param endedAt         when it ended, or {@code null}
 * @param recordedAt      when it was recorded
 */
public record CallAttempt(int attempt, String fsNodeId, String lineId, UUID originationUuid, String workflowId,
                          boolean sent, String jobResult, boolean channelCreated, boolean progress, boolean answered,
                          String hangupCause, Integer sipStatus, int billsec, String faultClass, String outcome,
                          Instant startedAt, Instant answeredAt, Instant endedAt, Instant recordedAt) {
}
