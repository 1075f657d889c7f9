package io.outdial.workflows.campaign;

/**
 * How fast a campaign may dial.
 *
 * @param caps           calls attempted per second, at most
 * @param maxConcurrency calls in flight at once, at most
 */
public record Pacing(int caps, int maxConcurrency) {
}
