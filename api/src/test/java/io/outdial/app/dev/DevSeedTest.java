package io.outdial.app.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.PostgresFixture;
import io.outdial.fssim.SimConfig;
import io.outdial.fssim.SimNode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class DevSeedTest {

    private final JdbcClient jdbc = JdbcClient.create(PostgresFixture.dataSource());

    @BeforeEach
    void emptyDatabase() {
        PostgresFixture.clean();
    }

    @Test
    void seedsTheSimulatorsNodesAndOneLinePerGatewayWithItsCaps() {
        DevSeed.apply(PostgresFixture.dataSource(), SimConfig.defaults(),
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
        DevSeed.apply(PostgresFixture.dataSource(), SimConfig.defaults(),
                List.of(new SimNode("fs1", 40001), new SimNode("fs2", 40002)));
        DevSeed.apply(PostgresFixture.dataSource(), SimConfig.defaults(),
                List.of(new SimNode("fs1", 41001), new SimNode("fs2", 41002)));

        assertThat(jdbc.sql("select esl_port from fs_nodes order by id").query(Integer.class).list())
                .containsExactly(41001, 41002);
        assertThat(jdbc.sql("select count(*) from tenants").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from lines").query(Long.class).single()).isEqualTo(2);
    }
}
