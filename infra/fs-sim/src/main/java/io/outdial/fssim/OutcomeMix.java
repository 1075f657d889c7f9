package io.outdial.fssim;

/**
 * Relative weights of the outcomes a gateway's carrier produces for numbers that are not scripted.
 * Weights need not sum to 1; they are normalised.
 */
public record OutcomeMix(double answer, double busy, double noAnswer, double reject, double invalid) {

    public OutcomeMix {
        if (answer < 0 || busy < 0 || noAnswer < 0 || reject < 0 || invalid < 0
                || answer + busy + noAnswer + reject + invalid <= 0) {
            throw new IllegalArgumentException("outcome weights must be >= 0 with a positive sum");
        }
    }

    /** The default mix: answer .6, busy .15, no answer .15, reject .05, invalid .05. */
    public static OutcomeMix defaults() {
        return new OutcomeMix(0.6, 0.15, 0.15, 0.05, 0.05);
    }

    /** A mix where every call has the same outcome. */
    public static OutcomeMix always(CallOutcome outcome) {
        return new OutcomeMix(
                outcome == CallOutcome.ANSWER ? 1 : 0,
                outcome == CallOutcome.BUSY ? 1 : 0,
                outcome == CallOutcome.NO_ANSWER ? 1 : 0,
                outcome == CallOutcome.REJECT ? 1 : 0,
                outcome == CallOutcome.INVALID ? 1 : 0);
    }

    /** Picks the outcome for a uniform draw {@code u} in [0, 1). */
    public CallOutcome pick(double u) {
        double x = u * (answer + busy + noAnswer + reject + invalid);
        if ((x -= answer) < 0) {
            return CallOutcome.ANSWER;
        }
        if ((x -= busy) < 0) {
            return CallOutcome.BUSY;
        }
        if ((x -= noAnswer) < 0) {
            return CallOutcome.NO_ANSWER;
        }
        if ((x -= reject) < 0) {
            return CallOutcome.REJECT;
        }
        return invalid > 0 ? CallOutcome.INVALID : CallOutcome.REJECT;
    }
}
