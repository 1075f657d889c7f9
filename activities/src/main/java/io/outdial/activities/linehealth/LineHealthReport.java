package io.outdial.activities.linehealth;

import io.outdial.activities.pacing.LineCounts;
import java.time.Instant;

/**
 * What line health says of one line now.
 *
 * @param state        the state rounds act on (an evicted line whose cool-down is over is on probation)
 * @param reason       why, in a sentence; {@code null} for a line never judged
 * @param since        when it entered its stored state; {@code null} for a line never judged
 * @param evictedUntil the end of its cool-down, or {@code null}
 * @param window       its calls in the sliding window the judgement reads (on probation: its probe calls);
 *                     {@code null} while Redis cannot be read
 */
public record LineHealthReport(LineState state, String reason, Instant since, Instant evictedUntil,
                               LineCounts window) {
}
