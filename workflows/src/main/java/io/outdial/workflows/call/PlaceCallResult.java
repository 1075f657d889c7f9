package io.outdial.workflows.call;

/**
 * What the place-call activity saw of one call, and nothing it inferred. The
 * {@link FaultClassifier} turns it into a class.
 *
 * @param originationUuid the channel uuid used
 * @param sent            whether the originate command left for FreeSWITCH
 * @param duplicate       whether the idempotency key was already claimed (the attempt was placed
 *                        before; nothing was sent this time)
 * @param jobResult       the BACKGROUND_JOB body, trimmed ({@code +OK <uuid>} or {@code -ERR <CAUSE>});
 *                        {@code null} if none arrived
 * @param created         CHANNEL_CREATE seen
 * @param progress        CHANNEL_PROGRESS or CHANNEL_PROGRESS_MEDIA seen (the phone rang)
 * @param answered        CHANNEL_ANSWER seen
 * @param hangupCause     {@code Hangup-Cause} of CHANNEL_HANGUP_COMPLETE; {@code null} if none arrived
 * @param sipStatus       {@code variable_sip_term_status}; {@code null} if absent
 * @param billsec         {@code variable_billsec}; 0 if absent
 * @param connectionLost  the ESL connection dropped while the call was being watched
 * @param timedOut        the call did not end within the activity's watch time
 * @param startedAtMs     when the originate was sent (epoch ms); 0 if not sent
 * @param answeredAtMs    when CHANNEL_ANSWER arrived (epoch ms); 0 if never
 * @param endedAtMs       when the call ended or watching stopped (epoch ms)
 */
public record PlaceCallResult(String originationUuid, boolean sent, boolean duplicate, String jobResult,
                              boolean created, boolean progress, boolean answered, String hangupCause,
                              Integer sipStatus, long billsec, boolean connectionLost, boolean timedOut,
                              long startedAtMs, long answeredAtMs, long endedAtMs) {
}
