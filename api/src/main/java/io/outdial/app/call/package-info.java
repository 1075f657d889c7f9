/**
 * Calls ({@code /api/v1/calls}): search the call tasks of the caller's campaigns by campaign, status,
 * outcome, fault class, time range and phone number with keyset pagination, and read one call's detail:
 * every dial attempt and the history timeline of each of its call workflows, read from Temporal without
 * payloads, with a link to the Temporal Web UI. Phone numbers are masked for viewers.
 */
package io.outdial.app.call;
