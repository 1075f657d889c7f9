package io.outdial.workflows.call;

/**
 * What following a live channel showed: facts only, like {@link PlaceCallResult}.
 *
 * @param seenEnd      CHANNEL_HANGUP_COMPLETE arrived; when false, the hangup fields are empty
 * @param progress     CHANNEL_PROGRESS or CHANNEL_PROGRESS_MEDIA seen while following
 * @param answered     CHANNEL_ANSWER seen while following
 * @param hangupCause  {@code Hangup-Cause} of CHANNEL_HANGUP_COMPLETE
 * @param sipStatus    {@code variable_sip_term_status}; {@code null} if absent
 * @param billsec      {@code variable_billsec}; 0 if absent
 * @param answeredAtMs when CHANNEL_ANSWER arrived (epoch ms); 0 if it did not while following
 * @param endedAtMs    when the channel ended or following stopped (epoch ms)
 */
public record ChannelEnd(boolean seenEnd, boolean progress, boolean answered, String hangupCause, Integer sipStatus,
                         long billsec, long answeredAtMs, long endedAtMs) {

    /** The channel went away, or the watch stopped, without its end being seen. */
    public static ChannelEnd unseen(long endedAtMs) {
        return new ChannelEnd(false, false, false, null, null, 0, 0, endedAtMs);
    }
}
