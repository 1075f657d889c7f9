package io.outdial.fssim.call;

import io.outdial.fssim.CallOutcome;

/**
 * How one call will go.
 *
 * @param outcome what the callee does
 * @param ringMs from originate to answer, busy or reject
 * @param talkMs from answer to hangup
 * @param earlyMedia whether 183 follows the 180
 */
public record CallPlan(CallOutcome outcome, long ringMs, long talkMs, boolean earlyMedia) {
}
