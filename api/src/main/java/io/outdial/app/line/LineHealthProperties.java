package io.outdial.app.line;

import io.outdial.activities.linehealth.LineHealthSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Line health (prefix {@code outdial.line-health}): how often this app node judges the lines and by
 * which rules. Every app node may run it; each change is made once.
 *
 * @param enabled             whether this app node judges lines at all
 * @param interval            how often it does
 * @param windowMinutes       the sliding window judged: the current minute and the ones before it (1 to 10)
 * @param minAttempts         fewer calls in the window than this: the line is not judged
 * @param maxFaultRate        above this share of line faults, a line is evicted
 * @param minConnectRatio     below this share of the pool's median connect rate, a line is evicted...
 * @param minExpectedConnects ...when that median predicts at least this many connects for its calls
 * @param coolDown            how long an evicted line stays out before it is probed
 * @param probeAttempts       probe calls needed on probation before the line is judged again
 */
@ConfigurationProperties("outdial.line-health")
public record LineHealthProperties(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
                                   @DefaultValue("3") int windowMinutes, @DefaultValue("10") int minAttempts,
                                   @DefaultValue("0.5") double maxFaultRate,
                                   @DefaultValue("0.3333") double minConnectRatio,
                                   @DefaultValue("5") int minExpectedConnects,
                                   @DefaultValue("2m") Duration coolDown, @DefaultValue("3") int probeAttempts) {

    LineHealthSettings settings() {
        return new LineHealthSettings(windowMinutes, minAttempts, maxFaultRate, minConnectRatio, minExpectedConnects,
                coolDown, probeAttempts);
    }
}
