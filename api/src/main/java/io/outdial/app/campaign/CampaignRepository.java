package io.outdial.app.campaign;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns, their tasks and call attempts in PostgreSQL, as the REST API needs them. */
@Repository
class CampaignRepository {

    private static final String SELECT = """
            select c.id, t.name as tenant, p.name as pool, c.name, c.status, c.caps, c.max_concurrency,
                   c.ring_timeout_seconds, c.weight, c.strategy, c.max_attempts,
                   c.reattempt_delay_seconds, c.input_closed, c.workflow_id, c.created_at, c.updated_at
            from campaigns c join tenants t on t.id = c.tenant_id join pools p on p.id = c.pool_id
            """;

    private final JdbcClient jdbc;

    CampaignRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Long> tenantId(String name) {
        return jdbc.sql("select id from tenants where name = ?").param(name).query(Long.class).optional();
    }

    long insert(long tenantId, long poolId, CreateCampaignRequest request, int ringTimeoutSeconds, int weight,
                String strategy, int maxAttempts, int reattemptDelaySeconds) {
        return jdbc.sql("""
                        insert into campaigns (tenant_id, pool_id, name, caps, max_concurrency, ring_timeout_seconds,
                                               weight, strategy, max_attempts, reattempt_delay_seconds)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(tenantId, poolId, request.name(), request.caps(), request.maxConcurrency(), ringTimeoutSeconds,
                        weight, strategy, maxAttempts, reattemptDelaySeconds)
                .query(Long.class).single();
    }

    /** Changes weight, strategy, pool and the re-attempt policy; a {@code null} keeps the value. */
    void updateSharing(long campaignId, UpdateCampaignRequest change, Long poolId) {
        jdbc.sql("""
                        update campaigns set weight = coalesce(:weight, weight), strategy = coalesce(:strategy, strategy),
                               pool_id = coalesce(:pool, pool_id), max_attempts = coalesce(:maxAttempts, max_attempts),
                               reattempt_delay_seconds = coalesce(:delay, reattempt_delay_seconds), updated_at = now()
                        where id = :id""")
                .param("weight", change.weight()).param("strategy", change.strategy()).param("pool", poolId)
                .param("maxAttempts", change.maxAttempts()).param("delay", change.reattemptDelaySeconds())
                .param("id", campaignId)
                .update();
    }

    Optional<CampaignRow> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?").param(id).query(CampaignRepository::row).optional();
    }

    /** The campaign, locked until the end of the current transaction. */
    Optional<CampaignRow> lock(long id) {
        return jdbc.sql(SELECT + " where c.id = ? for update of c").param(id).query(CampaignRepository::row).optional();
    }

    /** The tenant's campaigns, or every tenant's for {@code null}, newest first. */
    List<CampaignRow> findAll(Long tenantId, int limit) {
        return jdbc.sql(SELECT + " where (cast(:tenant as bigint) is null or c.tenant_id = :tenant) order by c.id desc limit :limit")
                .param("tenant", tenantId).param("limit", limit).query(CampaignRepository::row).list();
    }

    /** The id of the campaign's tenant. */
    Optional<Long> tenantOf(long campaignId) {
        return jdbc.sql("select tenant_id from campaigns where id = ?").param(campaignId).query(Long.class).optional();
    }

    void closeInput(long campaignId) {
        jdbc.sql("update campaigns set input_closed = true, updated_at = now() where id = ?").param(campaignId).update();
    }

    /**
     * Records the campaign's workflow, and RUNNING if it is still a draft: the workflow may already
     * have recorded a status of its own.
     */
    void markStarted(long campaignId, String workflowId) {
        jdbc.sql("""
                        update campaigns set workflow_id = ?, updated_at = now(),
                               status = case when status = 'DRAFT' then 'RUNNING' else status end
                        where id = ?""")
                .params(workflowId, campaignId).update();
    }

    /** Cancels a campaign that never started, and its tasks. */
    boolean cancelDraft(long campaignId) {
        int changed = jdbc.sql("update campaigns set status = 'CANCELLED', updated_at = now() where id = ? and status = 'DRAFT'")
                .param(campaignId).update();
        jdbc.sql("update call_tasks set status = 'CANCELLED', updated_at = now() where campaign_id = ? and status = 'QUEUED'")
                .param(campaignId).update();
        return changed == 1;
    }

    void updatePacing(long campaignId, Integer caps, Integer maxConcurrency) {
        jdbc.sql("""
                        update campaigns set caps = coalesce(?, caps), max_concurrency = coalesce(?, max_concurrency),
                               updated_at = now()
                        where id = ?""")
                .params(caps, maxConcurrency, campaignId).update();
    }

    List<Long> activeCampaignIds() {
        return jdbc.sql("select id from campaigns where status in ('RUNNING', 'PAUSED') order by id")
                .query(Long.class).list();
    }

    List<Long> queuedTaskIds(long campaignId) {
        return jdbc.sql("select id from call_tasks where campaign_id = ? and status = 'QUEUED' order by id")
                .param(campaignId).query(Long.class).list();
    }

    /**
     * A DIALING task as the reconciler sees it: the version guards the change it may make, the business
     * attempt names its latest call workflow ({@link io.outdial.workflows.common.WorkflowIds#call(long, long, int)}).
     */
    record DialingTask(long id, long version, int businessAttempt) {
    }

    /** The campaign's tasks DIALING, unchanged for at least {@code olderThan}. */
    List<DialingTask> staleDialingTasks(long campaignId, Duration olderThan) {
        return jdbc.sql("""
                        select id, version, greatest(business_attempts, 1) from call_tasks
                        where campaign_id = ? and status = 'DIALING' and updated_at < now() - make_interval(secs => ?)
                        order by id""")
                .params(campaignId, olderThan.toMillis() / 1000.0)
                .query((rs, n) -> new DialingTask(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /**
     * Gives a DIALING task whose call workflow ended without recording anything its final state: DONE,
     * INDETERMINATE (nobody can tell any more whether the phone rang), if {@code version} still holds.
     */
    boolean closeUnrecorded(long taskId, long version) {
        return jdbc.sql("""
                        update call_tasks set status = 'DONE', outcome = 'INDETERMINATE', fault_class = 'INDETERMINATE',
                               version = version + 1, updated_at = now()
                        where id = ? and status = 'DIALING' and version = ?""")
                .params(taskId, version)
                .update() == 1;
    }

    /** How many of the campaign's tasks are QUEUED. */
    long queuedTaskCount(long campaignId) {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ? and status = 'QUEUED'")
                .param(campaignId).query(Long.class).single();
    }

    Map<String, Long> taskCountsByStatus(long campaignId) {
        return counts("select status, count(*) from call_tasks where campaign_id = ? group by status order by status",
                campaignId);
    }

    Map<String, Long> attemptCountsByOutcome(long campaignId) {
        return counts("select outcome, count(*) from call_attempts where campaign_id = ? group by outcome order by outcome",
                campaignId);
    }

    Map<String, Long> attemptCountsByFaultClass(long campaignId) {
        return counts("""
                select fault_class, count(*) from call_attempts where campaign_id = ?
                group by fault_class order by fault_class""", campaignId);
    }

    private Map<String, Long> counts(String sql, long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(campaignId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static CampaignRow row(ResultSet rs, int rowNum) throws SQLException {
        return new CampaignRow(rs.getLong("id"), rs.getString("tenant"), rs.getString("pool"), rs.getString("name"),
                rs.getString("status"), rs.getInt("caps"), rs.getInt("max_concurrency"),
                rs.getInt("ring_timeout_seconds"), rs.getInt("weight"), rs.getString("strategy"),
                rs.getInt("max_attempts"), rs.getInt("reattempt_delay_seconds"), rs.getBoolean("input_closed"), rs.getString("workflow_id"),
                rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
