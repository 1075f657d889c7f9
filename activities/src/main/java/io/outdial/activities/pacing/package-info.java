/**
 * Pacing: CAPS tokens and concurrency leases in Redis, taken atomically across a campaign, an FS
 * node and a line by one Lua script per call ({@link io.outdial.activities.pacing.Reservations}).
 *
 * <p>Key layout. Every key of one pool shares the hash tag {@code {pool:<poolId>}}, so a script that
 * touches a campaign, a node and a line of that pool runs on one Redis Cluster slot (a campaign's
 * keys carry its pool's tag):
 * <ul>
 *   <li>{@code pace:{pool:P}:caps:campaign:<campaignId>:<epochSecond>} (and {@code :node:<fsNodeId>:},
 *       {@code :line:<lineId>:}) &mdash; string counter of calls sent in that whole second; expires a
 *       few seconds after it is written;</li>
 *   <li>{@code pace:{pool:P}:lease:campaign:<campaignId>} (and {@code :node:<fsNodeId>},
 *       {@code :line:<lineId>}) &mdash; sorted set of concurrency leases: member {@code <taskId>:<attempt>},
 *       score the lease's expiry in epoch ms. Expired members are purged before every count, so a
 *       crashed worker's slots free themselves.</li>
 * </ul>
 * Times are passed to the scripts as arguments (from a {@link java.time.Clock}), never read from
 * Redis {@code TIME}, so tests control them.
 */
package io.outdial.activities.pacing;
