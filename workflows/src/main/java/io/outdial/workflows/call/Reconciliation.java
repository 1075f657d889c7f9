package io.outdial.workflows.call;

/**
 * The pure part of reconciling a call whose watch ended without its end (DESIGN.md section 3): when
 * to ask FreeSWITCH about it, and what a followed channel's end means. A reconciled call is never
 * redialed: a fault class that would fail over becomes INDETERMINATE, since events before the watch
 * began were missed and the phone may have rung.
 */
public final class Reconciliation {

    private static final Classification INDETERMINATE =
            new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE);

    private Reconciliation() {
    }

    /**
     * Whether the call must be reconciled: the place-call activity failed without a report, or its
     * ESL connection dropped after the originate left and before the call's end or a failed job result.
     */
    public static boolean needed(PlaceCallResult observed) {
        if (observed == null) {
            return true;
        }
        boolean jobFailed = observed.jobResult() != null && observed.jobResult().startsWith("-ERR");
        return observed.sent() && !observed.duplicate() && observed.connectionLost()
                && observed.hangupCause() == null && !jobFailed;
    }

    /** What is known of the call once its live channel was followed to {@code end}. */
    public static PlaceCallResult merge(PlaceCallResult observed, String originationUuid, ChannelEnd end) {
        boolean answered = end.answered() || observed != null && observed.answered();
        long answeredAtMs = end.answeredAtMs() != 0 ? end.answeredAtMs()
                : observed == null ? 0 : observed.answeredAtMs();
        return new PlaceCallResult(originationUuid, true, false, observed == null ? null : observed.jobResult(),
                true, end.progress() || observed != null && observed.progress(), answered, end.hangupCause(),
                end.sipStatus(), end.billsec(), observed != null && observed.connectionLost(), !end.seenEnd(),
                observed == null ? 0 : observed.startedAtMs(), answeredAtMs, end.endedAtMs());
    }

    /** The verdict on a reconciled call: its classification, but never a class that fails over. */
    public static Classification verdict(PlaceCallResult reconciled) {
        Classification verdict = FaultClassifier.classify(reconciled);
        return switch (verdict.faultClass()) {
            case LINE_FAULT, SWITCH_FAULT -> INDETERMINATE;
            default -> verdict;
        };
    }
}
