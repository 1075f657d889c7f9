package io.outdial.activities.pacing;

/**
 * The limits of one route, read from PostgreSQL (or the live pacing of the campaign).
 *
 * @param campaignCaps        calls per second of the campaign
 * @param campaignConcurrency calls in flight of the campaign
 * @param fsNodeCaps          calls per second the FS node accepts
 * @param fsNodeSessions      sessions the FS node holds at once
 * @param lineCaps            calls per second of the line's carrier
 * @param lineConcurrency     calls in flight on the line
 */
public record Limits(int campaignCaps, int campaignConcurrency, int fsNodeCaps, int fsNodeSessions,
                     int lineCaps, int lineConcurrency) {
}
