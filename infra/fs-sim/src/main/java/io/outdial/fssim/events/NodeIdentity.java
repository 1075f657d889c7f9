package io.outdial.fssim.events;

import java.time.ZoneId;

/**
 * How a node names itself in every event.
 *
 * @param hostname FreeSWITCH-Hostname and FreeSWITCH-Switchname (the node id)
 * @param coreUuid Core-UUID, new at every (re)start
 * @param ipv4 FreeSWITCH-IPv4
 * @param zone time zone of Event-Date-Local
 */
public record NodeIdentity(String hostname, String coreUuid, String ipv4, ZoneId zone) {
}
