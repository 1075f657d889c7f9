package io.outdial.fssim;

/**
 * A fixed outcome for one number, for deterministic tests. Scripted numbers ignore the gateway's
 * outcome mix and timings, but still obey its CAPS, concurrency and up/down state.
 *
 * @param outcome what the callee does
 * @param ringMs time from originate to answer, busy or reject (NO_ANSWER uses originate_timeout)
 * @param talkMs time from answer to hangup (ANSWER only)
 * @param earlyMedia whether 183 (CHANNEL_PROGRESS_MEDIA) follows the 180
 */
public record ScriptedCall(CallOutcome outcome, long ringMs, long talkMs, boolean earlyMedia) {

    public ScriptedCall {
        if (outcome == null || ringMs < 0 || talkMs < 0) {
            throw new IllegalArgumentException("scripted call needs an outcome and non-negative times");
        }
    }

    public static ScriptedCall answer(long ringMs, long talkMs) {
        return new ScriptedCall(CallOutcome.ANSWER, ringMs, talkMs, false);
    }

    public static ScriptedCall busy(long ringMs) {
        return new ScriptedCall(CallOutcome.BUSY, ringMs, 0, false);
    }

    public static ScriptedCall noAnswer() {
        return new ScriptedCall(CallOutcome.NO_ANSWER, 0, 0, false);
    }

    public static ScriptedCall reject(long ringMs) {
        return new ScriptedCall(CallOutcome.REJECT, ringMs, 0, false);
    }

    public static ScriptedCall invalid() {
        return new ScriptedCall(CallOutcome.INVALID, 0, 0, false);
    }

    public ScriptedCall withEarlyMedia() {
        return new ScriptedCall(outcome, ringMs, talkMs, true);
    }
}
