/**
 * One call, one workflow: {@link io.outdial.workflows.call.CallWorkflow} places a call through
 * {@link io.outdial.workflows.call.CallActivities}, classifies what happened
 * ({@link io.outdial.workflows.call.FaultClassifier}), fails over only what provably never rang
 * ({@link io.outdial.workflows.call.FailoverPolicy}), reconciles a call whose watch was lost
 * ({@link io.outdial.workflows.call.Reconciliation}, {@link io.outdial.workflows.call.CallRecoveryActivities})
 * and records every attempt.
 */
package io.outdial.workflows.call;
