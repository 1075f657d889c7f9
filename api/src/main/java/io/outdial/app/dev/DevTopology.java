package io.outdial.app.dev;

import io.outdial.fssim.ConfigFile;
import io.outdial.fssim.SimConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * What dev mode simulates: the fs-sim configuration. The dev seed mirrors it in the database, so each
 * FS node gets the simulator's max sessions and sessions per second, and each gateway becomes a line
 * with the gateway's CAPS and max concurrency.
 */
final class DevTopology {

    /** The seeded lines' max concurrency in the demo: below the carriers' own limit. */
    static final int DEMO_LINE_MAX_CONCURRENCY = 50;

    private DevTopology() {
    }

    /** The topology of {@code outdial.dev.sim}: the config file when one is set, else {@link #demo()}. */
    static SimConfig of(DevProperties.Sim sim) {
        Path file = sim == null ? null : sim.config();
        if (file == null) {
            return demo();
        }
        try {
            return new ConfigFile().read(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read outdial.dev.sim.config " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * fs-sim's defaults (nodes {@code fs1}, {@code fs2} of 1,000 sessions and 100 sessions/s; gateways
     * {@code gw1}, {@code gw2} of 10 CAPS) with each carrier taking {@value #DEMO_LINE_MAX_CONCURRENCY}
     * calls at once.
     */
    static SimConfig demo() {
        SimConfig defaults = SimConfig.defaults();
        return defaults.withGateways(defaults.gateways().stream()
                .map(gateway -> gateway.withMaxConcurrency(DEMO_LINE_MAX_CONCURRENCY))
                .toList());
    }
}
