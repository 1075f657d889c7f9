package io.outdial.workflows.call;

/** @param exists whether the node has a channel with that uuid now */
public record ChannelCheck(boolean exists) {
}
