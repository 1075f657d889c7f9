package io.outdial.activities.call;

import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.Classification;
import io.outdial.workflows.call.FaultClass;

/**
 * Which ends of a call may lead to a business re-attempt (a new call workflow, after the campaign's
 * delay, up to its max attempts): only a callee that did not answer or was busy. Never an INDETERMINATE
 * end (the phone may have rung and been answered), an answer, a rejection, an invalid number, or a line
 * or switch fault (failover handles those inside the call).
 */
final class Reattempts {

    private Reattempts() {
    }

    static boolean eligible(Classification verdict) {
        return verdict.faultClass() == FaultClass.CALLEE_OUTCOME
                && (verdict.outcome() == CallOutcome.NO_ANSWER || verdict.outcome() == CallOutcome.BUSY);
    }
}
