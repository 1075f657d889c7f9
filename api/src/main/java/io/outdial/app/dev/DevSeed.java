package io.outdial.app.dev;

import io.outdial.fssim.GatewayConfig;
import io.outdial.fssim.SimConfig;
import io.outdial.fssim.SimNode;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resources dev mode dials through: tenant {@code default}, the shared pool {@code shared}, the
 * simulator's FS nodes and one line per simulated gateway. Idempotent: a persistent database is
 * re-pointed at this run's simulator ports.
 */
final class DevSeed {

    static final String TENANT = "default";
    static final String POOL = "shared";
    static final int NODE_MAX_SESSIONS = 1000;
    static final int NODE_CAPS = 100;
    static final int LINE_MAX_CONCURRENCY = 50;

    private DevSeed() {
    }

    static void apply(DataSource dataSource, SimConfig sim, List<SimNode> nodes) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into tenants (name) values (?) on conflict (name) do nothing").param(TENANT).update();
        jdbc.sql("insert into pools (name) values (?) on conflict (name) do nothing").param(POOL).update();
        long poolId = jdbc.sql("select id from pools where name = ?").param(POOL).query(Long.class).single();
        for (SimNode node : nodes) {
            jdbc.sql("""
                    insert into fs_nodes (id, pool_id, esl_host, esl_port, esl_password, max_sessions, caps)
                    values (:id, :pool, '127.0.0.1', :port, :password, :sessions, :caps)
                    on conflict (id) do update set pool_id = excluded.pool_id, esl_host = excluded.esl_host,
                        esl_port = excluded.esl_port, esl_password = excluded.esl_password,
                        max_sessions = excluded.max_sessions, caps = excluded.caps, enabled = true
                    """)
                    .param("id", node.id()).param("pool", poolId).param("port", node.eslPort())
                    .param("password", sim.password()).param("sessions", NODE_MAX_SESSIONS).param("caps", NODE_CAPS)
                    .update();
        }
        int lineNo = 1;
        for (GatewayConfig gateway : sim.gateways()) {
            jdbc.sql("""
                    insert into lines (id, pool_id, gateway, caps, max_concurrency)
                    values (:id, :pool, :gateway, :caps, :max)
                    on conflict (id) do update set pool_id = excluded.pool_id, gateway = excluded.gateway,
                        caps = excluded.caps, max_concurrency = excluded.max_concurrency, enabled = true
                    """)
                    .param("id", "line" + lineNo++).param("pool", poolId).param("gateway", gateway.name())
                    .param("caps", gateway.caps()).param("max", LINE_MAX_CONCURRENCY)
                    .update();
        }
    }
}
