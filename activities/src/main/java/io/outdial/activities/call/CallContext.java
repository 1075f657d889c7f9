package io.outdial.activities.call;

import io.outdial.activities.esl.NumberMask;
import io.outdial.activities.pacing.Limits;

/**
 * What the place-call activity reads from PostgreSQL before dialing.
 *
 * @param phoneNumber the callee's number; never logged unmasked
 * @param poolId      the campaign's pool (names the pacing keys)
 * @param limits      the limits of the campaign, node and line
 */
public record CallContext(String phoneNumber, long poolId, Limits limits) {

    @Override
    public String toString() {
        return "CallContext[phoneNumber=" + NumberMask.mask(phoneNumber) + ", poolId=" + poolId
                + ", limits=" + limits + "]";
    }
}
