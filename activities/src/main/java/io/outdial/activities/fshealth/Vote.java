package io.outdial.activities.fshealth;

import java.time.Instant;

/**
 * One worker's latest view of one FS node.
 *
 * @param worker    the app node id ({@code outdial.node-id}) of the worker that voted
 * @param reachable whether its ESL link to the node was up and answered the probe
 * @param at        when it voted
 */
public record Vote(String worker, boolean reachable, Instant at) {
}
