package io.outdial.workflows.campaign;

/**
 * Tells a campaign that no more tasks will be added, so it may complete once its queue is empty.
 *
 * @param totalTasks the number of tasks the campaign has in all
 */
public record InputClosed(long totalTasks) {
}
