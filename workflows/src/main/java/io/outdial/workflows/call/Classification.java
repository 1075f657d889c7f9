package io.outdial.workflows.call;

/**
 * The verdict on one call.
 *
 * @param faultClass what the end proves about where it failed
 * @param outcome    what happened, as a campaign manager reads it
 */
public record Classification(FaultClass faultClass, CallOutcome outcome) {
}
