/**
 * Calls: originate parsing, the carrier's limits, outcome planning, and the state machine that fires
 * CHANNEL_CREATE ... CHANNEL_HANGUP_COMPLETE with FreeSWITCH's causes and SIP statuses.
 */
package io.outdial.fssim.call;
