package io.outdial.activities.linehealth;

import io.outdial.activities.pacing.LineCounts;
import java.time.Instant;

/**
 * A line as line health stores it.
 *
 * @param id           the line
 * @param poolId       its pool
 * @param enabled      whether rounds may use it at all
 * @param state        its stored state
 * @param reason       why it is in that state; {@code null} for a line never judged
 * @param since        when it entered that state; {@code null} for a line never judged
 * @param evictedUntil the end of its cool-down; {@code null} if never evicted or re-admitted since
 * @param probeBase    its total counters when its probation began
 */
public record TrackedLine(String id, long poolId, boolean enabled, LineState state, String reason, Instant since,
                          Instant evictedUntil, LineCounts probeBase) {

    /**
     * The state rounds act on at {@code now}: an evicted line whose cool-down is over is on probation
     * even before the next evaluation records it.
     */
    public LineState effectiveState(Instant now) {
        return state == LineState.EVICTED && evictedUntil != null && !evictedUntil.isAfter(now)
                ? LineState.PROBATION : state;
    }
}
