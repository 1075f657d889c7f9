/**
 * FS node health: every worker (app node) votes whether it can reach each FS node, and any worker
 * turns the votes into evictions and re-admissions in PostgreSQL, which rounds honour at their next
 * second.
 *
 * <p>A node is evicted when a strict majority of the live workers voted it unreachable, and
 * re-admitted when a strict majority voted it reachable; otherwise it keeps its state. A worker is live
 * while its last vote is recent ({@link io.outdial.activities.fshealth.FsHealthSettings#liveWindow()}),
 * so a dead worker's votes stop counting on their own. Votes are in Redis
 * ({@link io.outdial.activities.fshealth.FsHealthVotes}); decisions in {@code fs_nodes}
 * ({@link io.outdial.activities.fshealth.FsHealthRepository}); the per-worker loop is
 * {@link io.outdial.activities.fshealth.FsHealthMonitor}.
 *
 * <p>Calls for a node this worker cannot reach are refused by the dialer itself, with nothing sent
 * ({@code sent = false}, a SWITCH_FAULT the call workflow fails over).
 */
package io.outdial.activities.fshealth;
