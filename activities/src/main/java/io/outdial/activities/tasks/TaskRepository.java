package io.outdial.activities.tasks;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The call tasks in PostgreSQL. */
public class TaskRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public TaskRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /** The current state of the given tasks, by id; unknown ids are missing from the map. */
    public Map<Long, TaskSnapshot> snapshots(List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select id, status, attempts, version, not_before, business_attempts
                        from call_tasks where id = any(?)""")
                .param(taskIds.toArray(Long[]::new))
                .query((rs, n) -> new TaskSnapshot(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        epochMs(rs.getTimestamp(5)), rs.getInt(6)))
                .list().stream()
                .collect(Collectors.toMap(TaskSnapshot::id, Function.identity()));
    }

    /**
     * Moves a task from QUEUED to DIALING if it still has {@code version}, counting the attempt and the
     * call workflow. The caller checks that the task is due (the version guards what it read).
     *
     * @return false if another round (or a cancel) got there first: the task must not be dialed
     */
    public boolean markDialing(long taskId, long version) {
        return jdbc.sql("""
                        update call_tasks set status = 'DIALING', attempts = attempts + 1,
                               business_attempts = business_attempts + 1, not_before = null,
                               version = version + 1, updated_at = now()
                        where id = ? and status = 'QUEUED' and version = ?""")
                .params(taskId, version)
                .update() == 1;
    }

    /**
     * Undoes {@link #markDialing} for a task whose call could not be started, if nothing touched the
     * task since ({@code version} is the version {@code markDialing} left).
     */
    public boolean revertToQueued(long taskId, long version) {
        return jdbc.sql("""
                        update call_tasks set status = 'QUEUED', attempts = attempts - 1,
                               business_attempts = greatest(business_attempts - 1, 0), version = version + 1,
                               updated_at = now()
                        where id = ? and status = 'DIALING' and version = ?""")
                .params(taskId, version)
                .update() == 1;
    }

    /**
     * Marks the campaign CANCELLED, then every QUEUED task of it, in one transaction; returns how many
     * tasks it cancelled now. The campaign goes first: a call that ends meanwhile and would queue its
     * task for a re-attempt takes a share lock on the campaign row and re-attempts only in a running or
     * paused campaign, so its task is either queued before this cancels it or never queued again.
     */
    public int cancelQueued(long campaignId) {
        Integer cancelled = transactions.execute(status -> {
            jdbc.sql("update campaigns set status = 'CANCELLED', updated_at = now() where id = ? and status <> 'CANCELLED'")
                    .param(campaignId)
                    .update();
            return jdbc.sql("""
                            update call_tasks set status = 'CANCELLED', version = version + 1, updated_at = now()
                            where campaign_id = ? and status = 'QUEUED'""")
                    .param(campaignId)
                    .update();
        });
        return cancelled == null ? 0 : cancelled;
    }

    /**
     * A QUEUED task as the refill and the reconciler see it.
     *
     * @param id          the task
     * @param notBeforeMs the epoch millisecond before which it must not be dialed; 0 when due now
     */
    public record QueuedTask(long id, long notBeforeMs) {

        public boolean due(long nowMs) {
            return notBeforeMs <= nowMs;
        }
    }

    /** The campaign's QUEUED tasks in dialing order, each with the time it is due. */
    public List<QueuedTask> queued(long campaignId) {
        return jdbc.sql("select id, not_before from call_tasks where campaign_id = ? and status = 'QUEUED' order by id")
                .param(campaignId)
                .query((rs, n) -> new QueuedTask(rs.getLong(1), epochMs(rs.getTimestamp(2))))
                .list();
    }

    private static long epochMs(Timestamp timestamp) {
        return timestamp == null ? 0 : timestamp.getTime();
    }

    /** The campaign's QUEUED task ids in dialing order, for rebuilding its Redis queue. */
    public List<Long> queuedIds(long campaignId) {
        return jdbc.sql("select id from call_tasks where campaign_id = ? and status = 'QUEUED' order by id")
                .param(campaignId)
                .query(Long.class)
                .list();
    }

    /** How many of the campaign's tasks have the given status (an index lookup, unlike {@link #countByStatus}). */
    public long count(long campaignId, String status) {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ? and status = ?")
                .params(campaignId, status)
                .query(Long.class)
                .single();
    }

    /** The campaign's task count per status (statuses without tasks are absent). */
    public Map<String, Long> countByStatus(long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select status, count(*) from call_tasks where campaign_id = ? group by status order by status")
                .param(campaignId)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}
