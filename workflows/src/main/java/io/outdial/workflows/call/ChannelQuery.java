package io.outdial.workflows.call;

/**
 * Names one channel on one FreeSWITCH node.
 *
 * @param fsNodeId        the node the call was sent to
 * @param originationUuid the channel's uuid
 */
public record ChannelQuery(String fsNodeId, String originationUuid) {
}
