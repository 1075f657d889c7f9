package io.outdial.workflows.call;

/**
 * Follows one live channel to its end.
 *
 * @param fsNodeId        the node the call was sent to
 * @param originationUuid the channel's uuid
 * @param watchSeconds    how long to follow it at most
 */
public record ChannelWatchRequest(String fsNodeId, String originationUuid, long watchSeconds) {
}
