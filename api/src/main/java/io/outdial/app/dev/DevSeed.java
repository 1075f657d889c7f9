package io.outdial.app.dev;

import io.outdial.fssim.GatewayConfig;
import io.outdial.fssim.SimConfig;
import io.outdial.fssim.SimNode;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The resources dev mode dials through, mirroring the simulator: tenant {@code default}, the shared pool
 * {@code shared}, one FS node per simulated node (its max sessions, and its sessions per second as CAPS)
 * and one line per simulated gateway ({@code line1}.. in gateway order, with the gateway's CAPS and max
 * concurrency), each line reachable through every node. Idempotent: a persistent database is re-pointed
 * at this run's simulator ports, and nodes and lines of the pool the simulator no longer has are disabled.
 */
final class DevSeed {

    static final String TENANT = "default";
    static final String POOL = "shared";

    private DevSeed() {
    }

    static void apply(DataSource dataSource, SimConfig sim, List<SimNode> nodes) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("insert into tenants (name) values (?) on conflict (name) do nothing").param(TENANT).update();
        jdbc.sql("insert into pools (name) values (?) on conflict (name) do nothing").param(POOL).update();
        long poolId = jdbc.sql("select id from pools where name = ?").param(POOL).query(Long.class).single();
        List<String> nodeIds = new ArrayList<>();
        for (SimNode node : nodes) {
            jdbc.sql("""
                    insert into fs_nodes (id, pool_id, esl_host, esl_port, esl_password, max_sessions, caps)
                    values (:id, :pool, '127.0.0.1', :port, :password, :sessions, :caps)
                    on conflict (id) do update set pool_id = excluded.pool_id, esl_host = excluded.esl_host,
                        esl_port = excluded.esl_port, esl_password = excluded.esl_password,
                        max_sessions = excluded.max_sessions, caps = excluded.caps, enabled = true
                    """)
                    .param("id", node.id()).param("pool", poolId).param("port", node.eslPort())
                    .param("password", sim.password()).param("sessions", sim.nodeLimits().maxSessions())
                    .param("caps", sim.nodeLimits().sessionsPerSecond())
                    .update();
            nodeIds.add(node.id());
        }
        List<String> lineIds = new ArrayList<>();
        for (GatewayConfig gateway : sim.gateways()) {
            String lineId = "line" + (lineIds.size() + 1);
            jdbc.sql("""
                    insert into lines (id, pool_id, gateway, caps, max_concurrency)
                    values (:id, :pool, :gateway, :caps, :max)
                    on conflict (id) do update set pool_id = excluded.pool_id, gateway = excluded.gateway,
                        caps = excluded.caps, max_concurrency = excluded.max_concurrency, enabled = true
                    """)
                    .param("id", lineId).param("pool", poolId).param("gateway", gateway.name())
                    .param("caps", gateway.caps()).param("max", gateway.maxConcurrency())
                    .update();
            for (String nodeId : nodeIds) {
                jdbc.sql("insert into line_fs_nodes (line_id, fs_node_id) values (?, ?) on conflict do nothing")
                        .params(lineId, nodeId).update();
            }
            lineIds.add(lineId);
        }
        disableOthers(jdbc, "fs_nodes", poolId, nodeIds);
        disableOthers(jdbc, "lines", poolId, lineIds);
    }

    /** An earlier run's nodes or lines the simulator no longer has would be dialed in vain. */
    private static void disableOthers(JdbcClient jdbc, String table, long poolId, List<String> keep) {
        jdbc.sql("update " + table + " set enabled = false where pool_id = :pool and not (id = any(:keep))")
                .param("pool", poolId).param("keep", keep.toArray(String[]::new))
                .update();
    }
}
