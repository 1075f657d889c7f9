package io.outdial.activities.fshealth;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * FS node health in PostgreSQL. An evicted node has {@code evicted_until} = {@link #EVICTED_UNTIL}, so
 * rounds (which skip a node evicted until a time in the future) leave it out until it is re-admitted;
 * {@code health_reason} and {@code health_since} say why and since when. Each change is a conditional
 * update, so when several workers decide at once exactly one of them makes (and reports) the change.
 */
public class FsHealthRepository {

    /** The {@code evicted_until} of a node evicted by health checks: until re-admitted. */
    public static final Instant EVICTED_UNTIL = Instant.parse("9999-12-31T00:00:00Z");

    private static final String SELECT = """
            select id, evicted_until, health_reason, health_since from fs_nodes""";

    private final JdbcClient jdbc;

    public FsHealthRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every enabled node's health, by id. */
    public List<NodeHealth> enabledNodes(Instant now) {
        return jdbc.sql(SELECT + " where enabled order by id").query((rs, n) -> health(rs, now)).list();
    }

    /** One node's health, whether enabled or not. */
    public Optional<NodeHealth> find(String nodeId, Instant now) {
        return jdbc.sql(SELECT + " where id = ?").param(nodeId).query((rs, n) -> health(rs, now)).optional();
    }

    /** Evicts the node unless it is evicted already; true if this call evicted it. */
    public boolean evict(String nodeId, String reason, Instant now) {
        return jdbc.sql("""
                        update fs_nodes set evicted_until = ?, health_reason = ?, health_since = ?
                        where id = ? and (evicted_until is null or evicted_until <= ?)""")
                .params(Timestamp.from(EVICTED_UNTIL), reason, Timestamp.from(now), nodeId, Timestamp.from(now))
                .update() == 1;
    }

    /** Re-admits the node if health checks evicted it; true if this call re-admitted it. */
    public boolean readmit(String nodeId, String reason, Instant now) {
        return jdbc.sql("""
                        update fs_nodes set evicted_until = null, health_reason = ?, health_since = ?
                        where id = ? and evicted_until = ?""")
                .params(reason, Timestamp.from(now), nodeId, Timestamp.from(EVICTED_UNTIL))
                .update() == 1;
    }

    private static NodeHealth health(ResultSet rs, Instant now) throws SQLException {
        Timestamp until = rs.getTimestamp("evicted_until");
        Timestamp since = rs.getTimestamp("health_since");
        HealthState state = until != null && until.toInstant().isAfter(now) ? HealthState.EVICTED : HealthState.HEALTHY;
        return new NodeHealth(rs.getString("id"), state, rs.getString("health_reason"),
                since == null ? null : since.toInstant());
    }
}
