package io.outdial.app.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.PostgresFixture;
import io.outdial.fssim.GatewayConfig;
import io.outdial.fssim.NodeLimits;
import io.outdial.fssim.SimConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import io.outdial.fssim.SimNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

class DevSeedTest {

    private final JdbcClient jdbc = JdbcClient.create(PostgresFixture.dataSource());

    @BeforeEach
    void emptyDatabase() {
        PostgresFixture.clean();
    }

    @Test
    void seedsTheSimulatorsNodesAndOneLinePerGatewayWithItsCaps() {
        DevSeed.apply(PostgresFixture.dataSource(), DevTopology.demo(),
                List.of(new SimNode("fs1", 40001), new SimNode("fs2", 40002)));

        assertThat(jdbc.sql("select id || ':' || esl_port || ':' || max_sessions || ':' || caps from fs_nodes order by id")
                .query(String.class).list())
                .containsExactly("fs1:40001:1000:100", "fs2:40002:1000:100");
        assertThat(jdbc.sql("select id || ':' || gateway || ':' || caps || ':' || max_concurrency from lines order by id")
                .query(String.class).list())
                .containsExactly("line1:gw1:10:50", "line2:gw2:10:50");
        assertThat(jdbc.sql("select count(*) from pools where name = 'shared' and tenant_id is null")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void reseedingAPersistentDatabasePointsTheNodesAtTheNewSimulatorPorts() {
        DevSeed.apply(PostgresFixture.dataSource(), DevTopology.demo(),
                List.of(new SimNode("fs1", 40001), new SimNode("fs2", 40002)));
        DevSeed.apply(PostgresFixture.dataSource(), DevTopology.demo(),
                List.of(new SimNode("fs1", 41001), new SimNode("fs2", 41002)));

        assertThat(jdbc.sql("select esl_port from fs_nodes order by id").query(Integer.class).list())
                .containsExactly(41001, 41002);
        assertThat(jdbc.sql("select count(*) from tenants").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lines").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void seedsTheTopologyOfASimulatorConfigFile(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("sim.json"), """
                {"nodes": 3, "nodeLimits": {"maxSessions": 1500, "sessionsPerSecond": 300},
                 "gateways": [{"name": "a", "caps": 50, "maxConcurrency": 900}, {"name": "b", "caps": 40}]}""");
        SimConfig config = DevTopology.of(new DevProperties.Sim(file));

        DevSeed.apply(PostgresFixture.dataSource(), config,
                List.of(new SimNode("fs1", 1), new SimNode("fs2", 2), new SimNode("fs3", 3)));

        assertThat(jdbc.sql("select id || ':' || max_sessions || ':' || caps from fs_nodes order by id")
                .query(String.class).list())
                .containsExactly("fs1:1500:300", "fs2:1500:300", "fs3:1500:300");
        assertThat(jdbc.sql("select id || ':' || gateway || ':' || caps || ':' || max_concurrency from lines order by id")
                .query(String.class).list())
                .containsExactly("line1:a:50:900", "line2:b:40:100");
        assertThat(jdbc.sql("select count(*) from line_fs_nodes").query(Long.class).single()).isEqualTo(6);
    }

    @Test
    void reseedingWithASmallerTopologyDisablesWhatTheSimulatorNoLongerHas() {
        SimConfig two = DevTopology.demo();
        DevSeed.apply(PostgresFixture.dataSource(), two,
                List.of(new SimNode("fs1", 1), new SimNode("fs2", 2)));
        SimConfig one = two.withNodes(1).withNodeLimits(new NodeLimits(10, 5))
                .withGateways(List.of(GatewayConfig.named("gw1")));

        DevSeed.apply(PostgresFixture.dataSource(), one, List.of(new SimNode("fs1", 1)));

        assertThat(jdbc.sql("select id from fs_nodes where enabled order by id").query(String.class).list())
                .containsExactly("fs1");
        assertThat(jdbc.sql("select id from lines where enabled order by id").query(String.class).list())
                .containsExactly("line1");
    }
}
