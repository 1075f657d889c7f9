package io.outdial.activities.linehealth;

import io.outdial.activities.pacing.LineCounts;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The health columns of the lines in PostgreSQL. Every change is a compare-and-set on the state and
 * its {@code since} as read, so several app nodes judging the same line change it once.
 */
public class LineHealthRepository {

    private static final String SELECT = """
            select id, pool_id, enabled, health_state, health_reason, health_since, evicted_until,
                   probe_base_attempts, probe_base_connects, probe_base_faults
            from lines""";
    private static final String WHERE_UNCHANGED = " where id = :id and health_state = :oldState"
            + " and health_since is not distinct from :oldSince";

    private final JdbcClient jdbc;

    public LineHealthRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** Every line, by id. */
    public List<TrackedLine> all() {
        return jdbc.sql(SELECT + " order by id").query(LineHealthRepository::line).list();
    }

    /** The line, if there is one. */
    public Optional<TrackedLine> find(String id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(LineHealthRepository::line).optional();
    }

    /** Out of rounds until {@code until}; false if another node changed the line first. */
    boolean evict(TrackedLine line, Instant now, Instant until, String reason) {
        return jdbc.sql("update lines set health_state = 'EVICTED', health_reason = :reason, health_since = :now,"
                        + " evicted_until = :until" + WHERE_UNCHANGED)
                .param("reason", reason).param("now", ts(now)).param("until", ts(until))
                .param("id", line.id()).param("oldState", line.state().name()).param("oldSince", ts(line.since()))
                .update() == 1;
    }

    /** On probation from {@code now}, its probe calls counted from {@code base}. */
    boolean startProbation(TrackedLine line, Instant now, String reason, LineCounts base) {
        return jdbc.sql("update lines set health_state = 'PROBATION', health_reason = :reason, health_since = :now,"
                        + " probe_base_attempts = :attempts, probe_base_connects = :connects,"
                        + " probe_base_faults = :faults" + WHERE_UNCHANGED)
                .param("reason", reason).param("now", ts(now)).param("attempts", base.attempts())
                .param("connects", base.connects()).param("faults", base.faults())
                .param("id", line.id()).param("oldState", line.state().name()).param("oldSince", ts(line.since()))
                .update() == 1;
    }

    /** Healthy again from {@code now}. */
    boolean readmit(TrackedLine line, Instant now, String reason) {
        return jdbc.sql("update lines set health_state = 'HEALTHY', health_reason = :reason, health_since = :now,"
                        + " evicted_until = null" + WHERE_UNCHANGED)
                .param("reason", reason).param("now", ts(now))
                .param("id", line.id()).param("oldState", line.state().name()).param("oldSince", ts(line.since()))
                .update() == 1;
    }

    private static TrackedLine line(ResultSet rs, int row) throws SQLException {
        return new TrackedLine(rs.getString("id"), rs.getLong("pool_id"), rs.getBoolean("enabled"),
                LineState.valueOf(rs.getString("health_state")), rs.getString("health_reason"),
                instant(rs.getTimestamp("health_since")), instant(rs.getTimestamp("evicted_until")),
                new LineCounts(rs.getLong("probe_base_attempts"), rs.getLong("probe_base_connects"),
                        rs.getLong("probe_base_faults")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
