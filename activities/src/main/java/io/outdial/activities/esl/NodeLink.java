package io.outdial.activities.esl;

/** One FS node as the dialer holds it: its endpoint, its connection and the router of its events. */
record NodeLink(FsNodeEndpoint endpoint, EslConnection connection, EventRouter router) {
}
