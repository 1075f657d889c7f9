/**
 * Pacing: CAPS tokens and concurrency leases in Redis, taken atomically across a campaign, an FS
 * node and a line by one Lua script per call ({@link io.outdial.activities.pacing.Reservations}),
 * with the capacity of a shared line split fairly between the campaigns that want it.
 *
 * <p>Key layout. Every key of one pool shares the hash tag {@code {pool:<poolId>}}, so a script that
 * touches a campaign, a node and a line of that pool runs on one Redis Cluster slot (a campaign's
 * keys carry its pool's tag):
 * <ul>
 *   <li>{@code pace:{pool:P}:caps:campaign:<campaignId>:<epochSecond>} (and {@code :node:<fsNodeId>:},
 *       {@code :line:<lineId>:}) &mdash; string counter of calls sent in that whole second; expires a
 *       few seconds after it is written;</li>
 *   <li>{@code pace:{pool:P}:lease:campaign:<campaignId>} (and {@code :node:<fsNodeId>},
 *       {@code :line:<lineId>}, {@code :line:<lineId>:campaign:<campaignId>}: the campaign's own calls
 *       on the line) &mdash; sorted set of concurrency leases: member {@code <taskId>:<attempt>},
 *       score the lease's expiry in epoch ms. Expired members are purged before every count, so a
 *       crashed worker's slots free themselves;</li>
 *   <li>{@code pace:{pool:P}:fair:line:<lineId>} &mdash; hash, one field per campaign seen on the line
 *       lately: {@code weight:demand:seenMs:epochSecond:used:held:carry:share}, where {@code used}
 *       counts its CAPS tokens of that second on the line, {@code share} is its (fractional) share of
 *       the line's CAPS in that second as last computed and {@code carry} what it was owed (or owed)
 *       from the seconds before. Expires a minute after the line's last reservation.</li>
 * </ul>
 * Times are passed to the scripts as arguments (from a {@link java.time.Clock}), never read from
 * Redis {@code TIME}, so tests control them.
 *
 * <p>Fair share. Each reservation names the campaign's weight and demand (the calls its round wants
 * this second, {@link io.outdial.activities.pacing.FairClaim}). Inside the same script, after the
 * campaign's own limits pass:
 * <ol>
 *   <li>The campaign registers (or refreshes) its weight and demand on the line, even if it is then
 *       denied, so the others leave it room from now on. Campaigns not seen for the active window
 *       (3 s) are dropped: a campaign that is active keeps its share even in the part of a second
 *       before its own round runs.</li>
 *   <li>Water-filling over the active campaigns gives each a share of the line's CAPS (demand: what
 *       it wants this second) and, separately, of its concurrency (demand: its calls in flight on the
 *       line plus what it wants): capacity in proportion to the weights, but never more than a
 *       campaign's demand; what a capped campaign leaves is shared again among the rest
 *       (work-conserving).</li>
 *   <li>CAPS are owed over time, not per second: a campaign's credit is its share of this second less
 *       what it used in it, plus its carry, the sum of (share &minus; used) of the seconds before,
 *       bounded to one token either way; the credit never exceeds the share or one token, whichever is
 *       more. A share below one token (ten campaigns of weights 1 to 3 on a 5-CAPS line: 0.26 to 0.79)
 *       so adds up to a whole token every few seconds, and the long-run split follows the weights. Debt
 *       is carried only by shares below one token: a campaign that took a leftover token waits until
 *       the others caught up; a larger share simply gets its whole part every second, as before.</li>
 *   <li>A campaign owed a whole token is granted whenever the line has room; so is each campaign's
 *       first call of a second when the line has at least one token per competing campaign (so no
 *       campaign with demand starves, whatever its weight). Beyond that, it is granted only if what is
 *       left of the line still covers what the other campaigns are owed; otherwise
 *       {@link io.outdial.activities.pacing.Verdict#LINE_FAIR_SHARE}. When the line has fewer tokens
 *       than campaigns, no token is promised to everyone each second: that floor of one, applied to ten
 *       campaigns on a 5-CAPS line, made every second a near-equal split (weight-1 campaigns got +65 %
 *       end to end). Concurrency keeps the per-moment rule: the whole part of the slot share, at
 *       least 1.</li>
 *   <li>From the borrow point of a second (500 ms in), the CAPS tokens kept for campaigns below their
 *       share are free for anyone; concurrency slots are always kept, as they outlive the second.</li>
 *   <li>When a round ends, it settles its claim ({@link io.outdial.activities.pacing.Reservations#settle}):
 *       on every line that did not deny it, its demand becomes what it got there (and a line it did not
 *       use this second rolls its carry into the new second). A campaign held back
 *       by its own limits, or spread over several lines, so stops keeping room it will not use, for the
 *       rest of the second and until its next round.</li>
 * </ol>
 * A campaign that is active but has not run its round yet in the current second is judged by its last
 * demand; that is the price of protecting its share before it arrives, bounded by the borrow point
 * and by the active window.
 * The other campaigns' calls in flight are read from their {@code :line:<lineId>:campaign:<id>} lease
 * sets, whose names the script derives from the line's key: they carry the same hash tag, so on a
 * cluster they live on the slot the script runs on. Late CAPS-only tokens
 * ({@link io.outdial.activities.pacing.Reservations#takeCapsToken}) respect every limit but are not
 * counted in shares.
 */
package io.outdial.activities.pacing;
