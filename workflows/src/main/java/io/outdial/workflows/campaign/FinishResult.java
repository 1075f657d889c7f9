package io.outdial.workflows.campaign;

/** @param cancelledTasks tasks that were still queued and are now cancelled */
public record FinishResult(long cancelledTasks) {
}
