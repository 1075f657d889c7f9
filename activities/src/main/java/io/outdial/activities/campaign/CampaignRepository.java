package io.outdial.activities.campaign;

import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.Pacing;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The campaigns in PostgreSQL, with the resources of their pools. */
public class CampaignRepository {

    private final JdbcClient jdbc;

    public CampaignRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The campaign with its pool's enabled FS nodes and lines, or empty if there is no such campaign. */
    public Optional<CampaignPlan> find(long campaignId) {
        record Row(long poolId, String status, int caps, int maxConcurrency, int ringTimeout) {
        }
        Optional<Row> row = jdbc.sql("""
                        select pool_id, status, caps, max_concurrency, ring_timeout_seconds
                        from campaigns where id = ?""")
                .param(campaignId)
                .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)))
                .optional();
        return row.map(r -> new CampaignPlan(campaignId, r.poolId(), r.status(), r.caps(), r.maxConcurrency(),
                r.ringTimeout(), fsNodes(r.poolId()), lines(r.poolId())));
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

    private List<CampaignPlan.FsNode> fsNodes(long poolId) {
        return jdbc.sql("select id, caps, max_sessions from fs_nodes where pool_id = ? and enabled order by id")
                .param(poolId)
                .query((rs, n) -> new CampaignPlan.FsNode(rs.getString(1), rs.getInt(2), rs.getInt(3)))
                .list();
    }

    private List<CampaignPlan.Line> lines(long poolId) {
        return jdbc.sql("select id, gateway, caps, max_concurrency from lines where pool_id = ? and enabled order by id")
                .param(poolId)
                .query((rs, n) -> new CampaignPlan.Line(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
                .list();
    }
}
