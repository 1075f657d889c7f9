/** Event headers every FreeSWITCH event shares, and the node-level events (BACKGROUND_JOB, HEARTBEAT). */
package io.outdial.fssim.events;
