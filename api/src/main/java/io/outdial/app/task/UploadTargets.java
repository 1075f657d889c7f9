package io.outdial.app.task;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns as uploads see them, and the two changes an upload makes to them. */
@Repository
class UploadTargets {

    private static final String SELECT = """
            select c.id, c.tenant_id, c.status, c.input_closed, t.default_region
            from campaigns c join tenants t on t.id = c.tenant_id where c.id = ?""";

    private final JdbcClient jdbc;

    UploadTargets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UploadTarget> find(long campaignId) {
        return jdbc.sql(SELECT).param(campaignId).query(UploadTargets::row).optional();
    }

    /** The campaign, its row locked until the end of the transaction (uploads to it take turns). */
    Optional<UploadTarget> lock(long campaignId) {
        return jdbc.sql(SELECT + " for update of c").param(campaignId).query(UploadTargets::row).optional();
    }

    void closeInput(long campaignId) {
        jdbc.sql("update campaigns set input_closed = true, updated_at = now() where id = ?").param(campaignId).update();
    }

    long taskCount(long campaignId) {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(campaignId)
                .query(Long.class).single();
    }

    private static UploadTarget row(java.sql.ResultSet rs, int rowNum) throws java.sql.SQLException {
        return new UploadTarget(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getBoolean(4), rs.getString(5));
    }
}
