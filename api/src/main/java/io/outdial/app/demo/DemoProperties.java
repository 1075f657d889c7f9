package io.outdial.app.demo;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo run (prefix {@code outdial.demo}): one campaign through the whole engine against the
 * FreeSWITCH simulator, a summary on stdout, then exit 0 when every check passed, 1 otherwise.
 *
 * @param enabled        whether to run the demo after startup (needs dev mode)
 * @param tasks          how many numbers the demo campaign calls
 * @param caps           the demo campaign's calls per second
 * @param maxConcurrency the demo campaign's calls in flight
 * @param deadline       how long the campaign may take before the demo gives up
 * @param exitWhenDone   whether to exit after the summary; false keeps the app (and the Temporal Web UI) running
 */
@ConfigurationProperties("outdial.demo")
public record DemoProperties(@DefaultValue("false") boolean enabled,
                             @DefaultValue("200") int tasks,
                             @DefaultValue("15") int caps,
                             @DefaultValue("40") int maxConcurrency,
                             @DefaultValue("5m") Duration deadline,
                             @DefaultValue("true") boolean exitWhenDone) {
}
