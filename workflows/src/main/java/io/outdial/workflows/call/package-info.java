/**
 * One call, one workflow: {@link io.outdial.workflows.call.CallWorkflow} places a call once through
 * {@link io.outdial.workflows.call.CallActivities}, classifies what happened and records it.
 */
package io.outdial.workflows.call;
