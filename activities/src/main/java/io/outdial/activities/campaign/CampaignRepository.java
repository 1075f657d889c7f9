package io.outdial.activities.campaign;

import io.outdial.activities.linehealth.LineHealthSettings;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.Pacing;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The campaigns in PostgreSQL, with the resources of their pools. */
public class CampaignRepository {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public CampaignRepository(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** {@link #find(long, Instant)} as of now. */
    public Optional<CampaignPlan> find(long campaignId) {
        return find(campaignId, Instant.now());
    }

    /**
     * The campaign with its pool's FS nodes and lines that are enabled and not evicted at {@code now},
     * or empty if there is no such campaign. A line that none of the usable nodes carries is left out; a
     * line on probation carries at most {@link LineHealthSettings#PROBE_CAPS} CAPS.
     */
    public Optional<CampaignPlan> find(long campaignId, Instant now) {
        record Row(long poolId, String status, int caps, int maxConcurrency, int ringTimeout, int weight,
                   String strategy) {
        }
        Optional<Row> row = jdbc.sql("""
                        select pool_id, status, caps, max_concurrency, ring_timeout_seconds, weight, strategy
                        from campaigns where id = ?""")
                .param(campaignId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                        rs.getInt(6), rs.getString(7)))
                .optional();
        return row.map(r -> {
            List<CampaignPlan.FsNode> nodes = fsNodes(r.poolId(), now);
            List<CampaignPlan.Line> lines = lines(r.poolId(), now).stream()
                    .filter(line -> nodes.stream().anyMatch(node -> line.reachableOn(node.id())))
                    .toList();
            return new CampaignPlan(campaignId, r.poolId(), r.status(), r.caps(), r.maxConcurrency(), r.ringTimeout(),
                    r.weight(), SelectionStrategy.valueOf(r.strategy()), nodes, lines);
        });
    }

    /**
     * Stores the campaign's status and pacing.
     *
     * @return whether the stored status was a different one
     */
    public boolean recordStatus(long campaignId, CampaignStatus status, Pacing pacing) {
        return jdbc.sql("""
                        with old as (select id, status from campaigns where id = :id for update)
                        update campaigns c
                        set status = :status,
                            caps = coalesce(:caps, c.caps),
                            max_concurrency = coalesce(:maxConcurrency, c.max_concurrency),
                            updated_at = now()
                        from old where c.id = old.id
                        returning old.status""")
                .param("id", campaignId)
                .param("status", status.name())
                .param("caps", pacing == null ? null : pacing.caps())
                .param("maxConcurrency", pacing == null ? null : pacing.maxConcurrency())
                .query(String.class)
                .optional()
                .map(previous -> !previous.equals(status.name()))
                .orElse(false);
    }

    /**
     * Records a live status (RUNNING or PAUSED) and the pacing sent by the campaign's workflow, under the
     * campaign's row lock. A DRAFT campaign is started by it, as the REST start does: its workflow id is set
     * and {@code onStart} runs before the commit (it rebuilds the queue, so a concurrent batch of tasks is
     * either in the rebuild or queued after it). An ended campaign is left as it is.
     *
     * @return the status stored before, or empty when there is no such campaign
     */
    public Optional<String> recordLiveStatus(long campaignId, CampaignStatus status, Pacing pacing, String workflowId,
                                             Runnable onStart) {
        return transactions.execute(tx -> {
            Optional<String> previous = jdbc.sql("select status from campaigns where id = ? for update")
                    .param(campaignId).query(String.class).optional();
            if (previous.isEmpty() || previous.get().equals("COMPLETED") || previous.get().equals("CANCELLED")) {
                return previous;
            }
            if (previous.get().equals("DRAFT")) {
                onStart.run();
            }
            jdbc.sql("""
                            update campaigns
                            set status = :status, workflow_id = coalesce(workflow_id, :workflowId),
                                caps = :caps, max_concurrency = :maxConcurrency, updated_at = now()
                            where id = :id""")
                    .param("id", campaignId)
                    .param("status", status.name())
                    .param("workflowId", workflowId)
                    .param("caps", pacing.caps())
                    .param("maxConcurrency", pacing.maxConcurrency())
                    .update();
            return previous;
        });
    }

    private List<CampaignPlan.FsNode> fsNodes(long poolId, Instant now) {
        return jdbc.sql("""
                        select id, caps, max_sessions from fs_nodes
                        where pool_id = ? and enabled and (evicted_until is null or evicted_until <= ?)
                        order by id""")
                .params(poolId, Timestamp.from(now))
                .query((rs, n) -> new CampaignPlan.FsNode(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    private List<CampaignPlan.Line> lines(long poolId, Instant now) {
        Map<String, Set<String>> carriers = new HashMap<>();
        jdbc.sql("""
                        select m.line_id, m.fs_node_id from line_fs_nodes m join lines l on l.id = m.line_id
                        where l.pool_id = ?""")
                .param(poolId)
                .query((RowCallbackHandler) rs -> carriers.computeIfAbsent(rs.getString(1), id -> new HashSet<>())
                        .add(rs.getString(2)));
        return jdbc.sql("""
                        select id, gateway,
                               case when health_state = 'HEALTHY' then caps else least(caps, ?) end,
                               max_concurrency
                        from lines
                        where pool_id = ? and enabled and (evicted_until is null or evicted_until <= ?)
                        order by id""")
                // a line back from eviction is on probation: a trickle of calls (its CAPS counter is shared
                // by every campaign and FS node) until line health re-admits it
                .params(LineHealthSettings.PROBE_CAPS, poolId, Timestamp.from(now))
                .query((rs, n) -> new CampaignPlan.Line(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4),
                        Set.copyOf(carriers.getOrDefault(rs.getString(1), Set.of()))))
                .list();
    }
}
