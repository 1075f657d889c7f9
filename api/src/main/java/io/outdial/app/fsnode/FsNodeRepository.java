package io.outdial.app.fsnode;

import io.outdial.activities.esl.FsNodeEndpoint;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** FS nodes in PostgreSQL. */
@Repository
public class FsNodeRepository {

    /** A stored node without its password, live connection state and votes. */
    record Row(String id, long poolId, String pool, String eslHost, int eslPort, int maxSessions, int caps,
               boolean enabled, Timestamp evictedUntil, String healthReason, Timestamp healthSince) {
    }

    private static final String SELECT = """
            select n.id, n.pool_id, p.name as pool, n.esl_host, n.esl_port, n.max_sessions, n.caps, n.enabled,
                   n.evicted_until, n.health_reason, n.health_since
            from fs_nodes n join pools p on p.id = n.pool_id""";

    private final JdbcClient jdbc;

    FsNodeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(CreateFsNodeRequest node, long poolId) {
        jdbc.sql("""
                        insert into fs_nodes (id, pool_id, esl_host, esl_port, esl_password, max_sessions, caps, enabled)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(node.id(), poolId, node.eslHost(), node.eslPort(), node.eslPassword(), node.maxSessions(),
                        node.caps(), node.enabled() == null || node.enabled())
                .update();
    }

    Optional<Row> find(String id) {
        return jdbc.sql(SELECT + " where n.id = ?").param(id).query(Row.class).optional();
    }

    /** The node, locked until the end of the current transaction (line changes take a share lock on it). */
    Optional<Row> lock(String id) {
        return jdbc.sql(SELECT + " where n.id = ? for update of n").param(id).query(Row.class).optional();
    }

    List<Row> findAll() {
        return jdbc.sql(SELECT + " order by n.id").query(Row.class).list();
    }

    void update(String id, UpdateFsNodeRequest change, Long poolId) {
        jdbc.sql("""
                        update fs_nodes set pool_id = coalesce(:pool, pool_id), esl_host = coalesce(:host, esl_host),
                            esl_port = coalesce(:port, esl_port), esl_password = coalesce(:password, esl_password),
                            max_sessions = coalesce(:sessions, max_sessions), caps = coalesce(:caps, caps),
                            enabled = coalesce(:enabled, enabled)
                        where id = :id""")
                .param("pool", poolId).param("host", change.eslHost()).param("port", change.eslPort())
                .param("password", change.eslPassword()).param("sessions", change.maxSessions())
                .param("caps", change.caps()).param("enabled", change.enabled()).param("id", id)
                .update();
    }

    void delete(String id) {
        jdbc.sql("delete from fs_nodes where id = ?").param(id).update();
    }

    /** The lines that name this node as one that carries their gateway. */
    List<String> linesListing(String id) {
        return jdbc.sql("select line_id from line_fs_nodes where fs_node_id = ? order by line_id").param(id)
                .query(String.class).list();
    }

    /** Where this app node's dialer should be connected: every enabled node, password included. */
    /** The ESL endpoints of every enabled FS node, by id. */
    public List<FsNodeEndpoint> enabledEndpoints() {
        return jdbc.sql("select id, esl_host, esl_port, esl_password from fs_nodes where enabled order by id")
                .query((rs, row) -> new FsNodeEndpoint(rs.getString("id"), rs.getString("esl_host"),
                        rs.getInt("esl_port"), rs.getString("esl_password")))
                .list();
    }
}
