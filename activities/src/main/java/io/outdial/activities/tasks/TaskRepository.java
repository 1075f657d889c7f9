package io.outdial.activities.tasks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The call tasks in PostgreSQL. */
public class TaskRepository {

    private final JdbcClient jdbc;

    public TaskRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    /** The current state of the given tasks, by id; unknown ids are missing from the map. */
    public Map<Long, TaskSnapshot> snapshots(List<Long> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select id, status, attempts, version from call_tasks where id = any(?)")
                .param(taskIds.toArray(Long[]::new))
                .query((rs, n) -> new TaskSnapshot(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4)))
                .list().stream()
                .collect(Collectors.toMap(TaskSnapshot::id, Function.identity()));
    }

    /**
     * Moves a task from QUEUED to DIALING if it still has {@code version}, counting the attempt.
     *
     * @return false if another round (or a cancel) got there first: the task must not be dialed
     */
    public boolean markDialing(long taskId, long version) {
        return jdbc.sql("""
                        update call_tasks set status = 'DIALING', attempts = attempts + 1, version = version + 1,
                               updated_at = now()
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
                        update call_tasks set status = 'QUEUED', attempts = attempts - 1, version = version + 1,
                               updated_at = now()
                        where id = ? and status = 'DIALING' and version = ?""")
                .params(taskId, version)
                .update() == 1;
    }

    /** Marks every QUEUED task of the campaign CANCELLED; returns how many it cancelled now. */
    public int cancelQueued(long campaignId) {
        return jdbc.sql("""
                        update call_tasks set status = 'CANCELLED', version = version + 1, updated_at = now()
                        where campaign_id = ? and status = 'QUEUED'""")
                .param(campaignId)
                .update();
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
