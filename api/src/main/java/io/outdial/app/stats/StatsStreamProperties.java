package io.outdial.app.stats;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Server-sent streams of campaign stats (prefix {@code outdial.stats-stream}).
 *
 * @param maxStreams  streams open at once on this app node, at most; one more is a 503
 * @param interval    how often every stream gets an event
 * @param maxDuration a stream is closed after this long (the client reconnects if it still wants it)
 */
@ConfigurationProperties("outdial.stats-stream")
public record StatsStreamProperties(@DefaultValue("200") int maxStreams,
                                    @DefaultValue("1s") Duration interval,
                                    @DefaultValue("30m") Duration maxDuration) {
}
