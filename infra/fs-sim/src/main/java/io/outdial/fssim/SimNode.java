package io.outdial.fssim;

/** A simulated FreeSWITCH node: its id (also its FreeSWITCH-Hostname) and its ESL port on 127.0.0.1. */
public record SimNode(String id, int eslPort) {
}
