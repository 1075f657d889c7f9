package io.outdial.app.dev;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dev mode (prefix {@code outdial.dev}): the app starts its own PostgreSQL, Redis, FreeSWITCH simulator
 * and Temporal before any bean needs them. Off unless switched on (profile {@code dev} switches it on).
 *
 * @param enabled          whether to start the embedded infrastructure at all
 * @param temporal         which Temporal to start: the {@code temporal} CLI dev server, the in-process test server, or AUTO (the CLI when found)
 * @param dataDir          where persistent dev state (PostgreSQL data, the Temporal database, logs) lives
 * @param persistent       whether PostgreSQL data and the Temporal CLI's database outlive a run (only with the CLI; off: everything is thrown away)
 * @param temporalPort     the frontend port of the Temporal CLI dev server
 * @param temporalUiPort   the Web UI port of the Temporal CLI dev server
 * @param startupTimeout   how long to wait for the Temporal CLI dev server to answer
 * @param sim              the FreeSWITCH simulator's topology, which the dev seed mirrors in the database
 * @param temporalArgs     extra arguments of {@code temporal server start-dev}, e.g. {@code --dynamic-config-value=KEY=VALUE}
 * @param pollers          poller counts of every Temporal worker in dev mode, over those of {@code spring.temporal.workers}
 */
@ConfigurationProperties("outdial.dev")
public record DevProperties(@DefaultValue("false") boolean enabled,
                            @DefaultValue("AUTO") TemporalMode temporal,
                            @DefaultValue("var") Path dataDir,
                            @DefaultValue("true") boolean persistent,
                            @DefaultValue("7233") int temporalPort,
                            @DefaultValue("8233") int temporalUiPort,
                            @DefaultValue("60s") Duration startupTimeout,
                            @DefaultValue Sim sim,
                            List<String> temporalArgs,
                            @DefaultValue Pollers pollers) {

    public DevProperties {
        temporalArgs = temporalArgs == null ? List.of() : List.copyOf(temporalArgs);
    }

    /**
     * Poller counts that replace those of {@code spring.temporal.workers} (a Spring list, which a profile
     * can only replace whole) for every worker in dev mode (prefix {@code outdial.dev.pollers}). Each
     * poller has one long poll open; when the server answers slowly, as the dev server on a busy machine
     * does, few pollers cap how many tasks per second a worker gets.
     *
     * @param workflowTask workflow task pollers per worker; unset keeps the worker's own setting
     * @param activityTask activity task pollers per worker; unset keeps the worker's own setting
     */
    public record Pollers(Integer workflowTask, Integer activityTask) {
    }

    /**
     * The simulated FreeSWITCH nodes and carriers (prefix {@code outdial.dev.sim}).
     *
     * @param config an fs-sim JSON config file (see {@code infra/fs-sim/README.md}); unset: the demo's
     *               topology, two nodes and two gateways of 10 CAPS (see {@link DevTopology#demo()})
     */
    public record Sim(Path config) {
    }

    /** Which Temporal server dev mode starts. */
    public enum TemporalMode {
        /** The {@code temporal} CLI dev server when the CLI is installed, else the in-process test server. */
        AUTO,
        /** The {@code temporal} CLI dev server; fail when the CLI is not installed. */
        CLI,
        /** The in-process Java test server, in real time (no time skipping). */
        TEST_SERVER
    }
}
