package io.outdial.workflows.call;

import java.util.Locale;

/**
 * Turns what the place-call activity saw into a fault class and an outcome (DESIGN.md section 6).
 * A pure function: the same report always gets the same verdict, so workflows may call it directly.
 *
 * <p>The rules, in order:
 * <ol>
 *   <li>no report at all (the activity failed or timed out): INDETERMINATE;</li>
 *   <li>ANSWER seen or billsec above zero: ANSWERED, whatever the cause;</li>
 *   <li>the attempt had been placed before ({@code duplicate}): INDETERMINATE;</li>
 *   <li>the originate never left: SWITCH_FAULT;</li>
 *   <li>no cause known (connection lost or watch timed out after sending): INDETERMINATE;</li>
 *   <li>a callee's cause (busy, no answer, rejected, invalid number): CALLEE_OUTCOME;</li>
 *   <li>any other cause after PROGRESS: INDETERMINATE (the phone may have rung);</li>
 *   <li>carrier or gateway trouble: LINE_FAULT;</li>
 *   <li>FreeSWITCH-side trouble with no channel created: SWITCH_FAULT;</li>
 *   <li>anything else (NORMAL_CLEARING unanswered, ORIGINATOR_CANCEL, RECOVERY_ON_TIMER_EXPIRE,
 *       unknown causes): INDETERMINATE.</li>
 * </ol>
 * The cause is the {@code Hangup-Cause} of CHANNEL_HANGUP_COMPLETE, else the cause of a
 * {@code -ERR <CAUSE>} job result, else the cause FreeSWITCH maps the SIP status to.
 */
public final class FaultClassifier {

    private static final Classification ANSWERED =
            new Classification(FaultClass.ANSWERED, CallOutcome.ANSWERED);
    private static final Classification LINE_FAULT =
            new Classification(FaultClass.LINE_FAULT, CallOutcome.LINE_FAILED);
    private static final Classification SWITCH_FAULT =
            new Classification(FaultClass.SWITCH_FAULT, CallOutcome.SWITCH_FAILED);
    private static final Classification INDETERMINATE =
            new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE);

    private FaultClassifier() {
    }

    /**
     * Classifies one call attempt.
     *
     * @param observed what the place-call activity reported; {@code null} if it reported nothing
     * @return the verdict, never {@code null}
     */
    public static Classification classify(PlaceCallResult observed) {
        if (observed == null) {
            return INDETERMINATE;
        }
        if (observed.answered() || observed.billsec() > 0) {
            return ANSWERED;
        }
        if (observed.duplicate()) {
            return INDETERMINATE;
        }
        if (!observed.sent()) {
            return SWITCH_FAULT;
        }
        String cause = causeOf(observed);
        if (cause == null) {
            return INDETERMINATE;
        }
        CallOutcome calleeOutcome = HangupCauses.CALLEE.get(cause);
        if (calleeOutcome != null) {
            return new Classification(FaultClass.CALLEE_OUTCOME, calleeOutcome);
        }
        if (observed.progress()) {
            return INDETERMINATE;
        }
        if (HangupCauses.LINE.contains(cause)) {
            return LINE_FAULT;
        }
        if (!observed.created() && HangupCauses.SWITCH.contains(cause)) {
            return SWITCH_FAULT;
        }
        return INDETERMINATE;
    }

    /** The FreeSWITCH cause name of the call's end, upper case; {@code null} if nothing tells it. */
    static String causeOf(PlaceCallResult observed) {
        String hangupCause = firstToken(observed.hangupCause());
        if (hangupCause != null) {
            return hangupCause;
        }
        String job = observed.jobResult();
        if (job != null && job.strip().startsWith("-ERR")) {
            String jobCause = firstToken(job.strip().substring("-ERR".length()));
            if (jobCause != null) {
                return jobCause;
            }
        }
        return observed.sipStatus() == null ? null : HangupCauses.forSipStatus(observed.sipStatus());
    }

    private static String firstToken(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return text.strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
    }
}
