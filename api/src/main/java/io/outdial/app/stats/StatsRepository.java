package io.outdial.app.stats;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored figures behind live stats, read-only. */
@Repository
class StatsRepository {

    /** What stats need of a campaign. */
    record Campaign(long id, long tenantId, long poolId, String status, int caps, int maxConcurrency) {

        boolean active() {
            return status.equals("RUNNING") || status.equals("PAUSED");
        }
    }

    /** Attempt figures of a campaign. */
    record Attempts(long total, long answered, long last10s, long lastMinute) {
    }

    /** A pool: id, name, and the tenant it is dedicated to ({@code null}: shared). */
    record Pool(long id, String name, Long tenantId) {
    }

    private final JdbcClient jdbc;

    StatsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Campaign> campaign(long campaignId) {
        return jdbc.sql("select id, tenant_id, pool_id, status, caps, max_concurrency from campaigns where id = ?")
                .param(campaignId)
                .query((rs, n) -> new Campaign(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getInt(5), rs.getInt(6)))
                .optional();
    }

    Map<String, Long> tasksByStatus(long campaignId) {
        return counts("select status, count(*) from call_tasks where campaign_id = ? group by 1 order by 1", campaignId);
    }

    Map<String, Long> attemptsByOutcome(long campaignId) {
        return counts("select outcome, count(*) from call_attempts where campaign_id = ? group by 1 order by 1",
                campaignId);
    }

    Map<String, Long> attemptsByFaultClass(long campaignId) {
        return counts("select fault_class, count(*) from call_attempts where campaign_id = ? group by 1 order by 1",
                campaignId);
    }

    /** Attempts in all, answered, and started since {@code now} less 10 s and less 1 min. */
    Attempts attempts(long campaignId, Instant now) {
        return jdbc.sql("""
                        select count(*), count(*) filter (where answered),
                               count(*) filter (where started_at >= :t10 and started_at <= :now),
                               count(*) filter (where started_at >= :t60 and started_at <= :now)
                        from call_attempts where campaign_id = :campaign""")
                .param("t10", Timestamp.from(now.minusSeconds(10)))
                .param("t60", Timestamp.from(now.minusSeconds(60)))
                .param("now", Timestamp.from(now))
                .param("campaign", campaignId)
                .query((rs, n) -> new Attempts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    List<Pool> pools() {
        return jdbc.sql("select id, name, tenant_id from pools order by id")
                .query((rs, n) -> new Pool(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class)))
                .list();
    }

    private Map<String, Long> counts(String sql, long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(campaignId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }
}
