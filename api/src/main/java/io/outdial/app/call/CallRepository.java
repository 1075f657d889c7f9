package io.outdial.app.call;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import io.outdial.workflows.common.WorkflowIds;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Call tasks and their attempts in PostgreSQL, read-only. */
@Repository
class CallRepository {

    /** A campaign as scoping needs it: its tenant and the tenant's default region. */
    record CampaignScope(long campaignId, long tenantId, String defaultRegion) {
    }

    /** A task with the tenant of its campaign. */
    record TaskRow(CallSummary summary, long tenantId) {
    }

    /** A search statement with its named parameters (also what the plan checks EXPLAIN). */
    record Statement(String sql, Map<String, Object> params) {
    }

    private static final String SELECT = """
            select t.id, t.campaign_id, t.status, t.outcome, t.fault_class, t.attempts, t.business_attempts,
                   t.phone_number, t.external_id, t.external_ref, c.tenant_id,
                   a.first_at, a.last_at, a.last_workflow
            from call_tasks t
            join campaigns c on c.id = t.campaign_id
            left join lateral (select min(x.started_at) as first_at, max(x.started_at) as last_at,
                                      (array_agg(x.workflow_id order by x.attempt desc))[1] as last_workflow
                               from call_attempts x where x.task_id = t.id) a on true
            """;

    private final JdbcClient jdbc;

    CallRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CampaignScope> campaign(long campaignId) {
        return jdbc.sql("""
                        select c.id, c.tenant_id, t.default_region from campaigns c join tenants t on t.id = c.tenant_id
                        where c.id = ?""")
                .param(campaignId)
                .query((rs, n) -> new CampaignScope(rs.getLong(1), rs.getLong(2), rs.getString(3)))
                .optional();
    }

    Optional<String> tenantRegion(long tenantId) {
        return jdbc.sql("select default_region from tenants where id = ?").param(tenantId).query(String.class)
                .optional();
    }

    List<String> allRegions() {
        return jdbc.sql("select distinct default_region from tenants order by 1").query(String.class).list();
    }

    /** Up to {@code search.limit()} tasks in ascending id order. */
    List<TaskRow> search(CallSearch search) {
        Statement statement = statement(search);
        JdbcClient.StatementSpec spec = jdbc.sql(statement.sql());
        for (Map.Entry<String, Object> param : statement.params().entrySet()) {
            spec = spec.param(param.getKey(), param.getValue());
        }
        return spec.query(CallRepository::taskRow).list();
    }

    /** The SQL of a search. Each filter is a predicate the indexes of V8 can serve. */
    static Statement statement(CallSearch search) {
        StringBuilder sql = new StringBuilder(SELECT).append("where true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.tenantId() != null) {
            sql.append(" and c.tenant_id = :tenant");
            params.put("tenant", search.tenantId());
        }
        if (search.campaignId() != null) {
            sql.append(" and t.campaign_id = :campaign");
            params.put("campaign", search.campaignId());
        }
        if (search.status() != null) {
            sql.append(" and t.status = :status");
            params.put("status", search.status());
        }
        if (search.outcome() != null) {
            sql.append(" and t.outcome = :outcome");
            params.put("outcome", search.outcome());
        }
        if (search.faultClass() != null) {
            sql.append(" and t.fault_class = :faultClass");
            params.put("faultClass", search.faultClass());
        }
        if (search.phoneNumbers() != null && !search.phoneNumbers().isEmpty()) {
            sql.append(" and t.phone_number = any(cast(:phones as text[]))");
            params.put("phones", search.phoneNumbers().toArray(String[]::new));
        }
        if (search.from() != null || search.to() != null) {
            sql.append(" and exists (select 1 from call_attempts r where r.task_id = t.id");
            if (search.campaignId() != null) {
                // lets the planner start from the campaign's attempts in the time range (index of V8)
                sql.append(" and r.campaign_id = :campaign");
            }
            if (search.from() != null) {
                sql.append(" and r.started_at >= :from");
                params.put("from", Timestamp.from(search.from()));
            }
            if (search.to() != null) {
                sql.append(" and r.started_at < :to");
                params.put("to", Timestamp.from(search.to()));
            }
            sql.append(")");
        }
        if (search.afterTaskId() != null) {
            sql.append(" and t.id > :after");
            params.put("after", search.afterTaskId());
        }
        sql.append(" order by t.id limit :limit");
        params.put("limit", search.limit());
        return new Statement(sql.toString(), params);
    }

    Optional<TaskRow> task(long taskId) {
        return jdbc.sql(SELECT + "where t.id = ?").param(taskId).query(CallRepository::taskRow).optional();
    }

    List<CallAttempt> attempts(long taskId) {
        return jdbc.sql("""
                        select attempt, fs_node_id, line_id, origination_uuid, workflow_id, sent, job_result,
                               channel_created, progress, answered, hangup_cause, sip_status, billsec, fault_class,
                               outcome, started_at, answered_at, ended_at, recorded_at
                        from call_attempts where task_id = ? order by attempt""")
                .param(taskId)
                .query((rs, n) -> new CallAttempt(rs.getInt("attempt"), rs.getString("fs_node_id"),
                        rs.getString("line_id"), rs.getObject("origination_uuid", UUID.class),
                        rs.getString("workflow_id"), rs.getBoolean("sent"), rs.getString("job_result"),
                        rs.getBoolean("channel_created"), rs.getBoolean("progress"), rs.getBoolean("answered"),
                        rs.getString("hangup_cause"), (Integer) rs.getObject("sip_status"), rs.getInt("billsec"),
                        rs.getString("fault_class"), rs.getString("outcome"), instant(rs, "started_at"),
                        instant(rs, "answered_at"), instant(rs, "ended_at"), instant(rs, "recorded_at")))
                .list();
    }

    private static TaskRow taskRow(ResultSet rs, int rowNum) throws SQLException {
        long campaignId = rs.getLong("campaign_id");
        long taskId = rs.getLong("id");
        int businessAttempts = rs.getInt("business_attempts");
        String workflowId = businessAttempts > 0
                ? WorkflowIds.call(campaignId, taskId, businessAttempts)
                : rs.getString("last_workflow");
        CallSummary summary = new CallSummary(taskId, campaignId, rs.getString("status"), rs.getString("outcome"),
                rs.getString("fault_class"), rs.getInt("attempts"), businessAttempts, rs.getString("phone_number"),
                rs.getString("external_id"), rs.getString("external_ref"), instant(rs, "first_at"),
                instant(rs, "last_at"), workflowId);
        return new TaskRow(summary, rs.getLong("tenant_id"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
