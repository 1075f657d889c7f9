package io.outdial.app.task;

import io.outdial.app.task.TaskUploadResult.DuplicateRow;
import io.outdial.app.task.TaskUploadResult.RowError;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Imports an upload in the current transaction: valid rows are streamed with {@code COPY} into a temporary
 * table, sorted out with set-based SQL, and the new ones inserted into call_tasks in one statement.
 */
@Repository
class TaskStaging {

    /** Rows validated per batch. */
    static final int BATCH = 4_096;
    /** Batches of one upload being validated at once: memory stays bounded however large the upload. */
    private static final int IN_FLIGHT = 4;
    /** Ids read per round trip after the insert. */
    private static final int ID_FETCH_SIZE = 50_000;

    private static final String CLASSIFY = """
            create temp table task_upload_verdict on commit drop as
            with firsts as (
                select distinct on (external_id) external_id, line, phone_number
                from task_upload where external_id is not null
                order by external_id, line
            ), by_id as (
                select u.line, u.phone_number, u.external_id, u.external_ref,
                       case
                           when u.external_id is null then null
                           when t.phone_number is not null then
                               case when t.phone_number = u.phone_number then 'EXISTING' else 'ID_TAKEN' end
                           when f.line <> u.line then
                               case when f.phone_number = u.phone_number then 'EXISTING' else 'ID_REPEATED' end
                       end as verdict,
                       case when t.phone_number is null and f.line <> u.line then f.line end as earlier_line
                from task_upload u
                left join call_tasks t on t.campaign_id = :campaign and t.external_id = u.external_id
                left join firsts f on f.external_id = u.external_id
            ), candidates as (
                select b.line, b.phone_number, b.external_id, b.external_ref,
                       exists (select 1 from call_tasks t
                               where t.campaign_id = :campaign and t.phone_number = b.phone_number) as in_campaign,
                       min(b.line) over (partition by b.phone_number) as first_line
                from by_id b where b.verdict is null
            )
            select line, phone_number, external_id, external_ref,
                   case when in_campaign then 'DUP_TASK' when first_line <> line then 'DUP_LINE' else 'NEW' end
                       as verdict,
                   case when not in_campaign and first_line <> line then first_line end as earlier_line
            from candidates
            union all
            select line, phone_number, external_id, external_ref, verdict, earlier_line from by_id
            where verdict is not null""";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final RowCheckWorkers workers;

    TaskStaging(JdbcClient jdbc, DataSource dataSource, RowCheckWorkers workers) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.workers = workers;
    }

    /**
     * Reads every row of {@code source}, validates it with {@code checker} and copies the valid ones into the
     * transaction's staging table. Must run in a transaction.
     */
    StageReport stage(RowSource source, RowChecker checker, int maxErrors) {
        jdbc.sql("set local work_mem = '128MB'").update();
        jdbc.sql("""
                create temp table task_upload (line bigint not null, phone_number text not null, external_id text,
                                               external_ref text) on commit drop""").update();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        CopyIn copy;
        try {
            copy = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy task_upload (line, phone_number, external_id, external_ref) from stdin");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot start COPY into the staging table", e);
        }
        Deque<Future<CheckedBatch>> inFlight = new ArrayDeque<>();
        List<RowError> errors = new ArrayList<>();
        long[] counts = new long[2]; // received, errors
        try {
            List<RawRow> batch = new ArrayList<>(BATCH);
            for (RawRow row = source.next(); row != null; row = source.next()) {
                batch.add(row);
                if (batch.size() == BATCH) {
                    inFlight.add(workers.check(checker, batch));
                    batch = new ArrayList<>(BATCH);
                    if (inFlight.size() >= IN_FLIGHT) {
                        write(copy, await(inFlight.poll()), errors, counts, maxErrors);
                    }
                }
            }
            if (!batch.isEmpty()) {
                inFlight.add(workers.check(checker, batch));
            }
            while (!inFlight.isEmpty()) {
                write(copy, await(inFlight.poll()), errors, counts, maxErrors);
            }
            copy.endCopy();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into the staging table failed", e);
        } finally {
            inFlight.forEach(future -> future.cancel(true));
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    // the transaction rolls back anyway
                }
            }
        }
        jdbc.sql("analyze task_upload").update();
        return new StageReport(counts[0], counts[1], errors);
    }

    /** Sorts the staged rows out against the campaign's tasks and each other. */
    Classification classify(long campaignId, FieldNaming naming, int maxListed) {
        jdbc.sql(CLASSIFY).param("campaign", campaignId).update();
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("select verdict, count(*) from task_upload_verdict group by verdict")
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        long errorCount = counts.getOrDefault("ID_TAKEN", 0L) + counts.getOrDefault("ID_REPEATED", 0L);
        List<RowError> errors = errorCount == 0 ? List.of() : jdbc.sql("""
                        select line, verdict, earlier_line from task_upload_verdict
                        where verdict in ('ID_TAKEN', 'ID_REPEATED') order by line limit ?""")
                .param(maxListed)
                .query((rs, n) -> {
                    long line = rs.getLong(1);
                    String message = rs.getString(2).equals("ID_TAKEN")
                            ? "names a task of this campaign that has another number"
                            : "repeats the external id of line " + rs.getLong(3) + " with another number";
                    return new RowError(line, naming.externalId(line), message);
                })
                .list();
        long duplicates = counts.getOrDefault("DUP_TASK", 0L) + counts.getOrDefault("DUP_LINE", 0L);
        List<DuplicateRow> duplicateRows = duplicates == 0 ? List.of() : jdbc.sql("""
                        select line, verdict, earlier_line from task_upload_verdict
                        where verdict in ('DUP_TASK', 'DUP_LINE') order by line limit ?""")
                .param(maxListed)
                .query((rs, n) -> rs.getString(2).equals("DUP_TASK")
                        ? new DuplicateRow(rs.getLong(1), "EXISTING_TASK", null)
                        : new DuplicateRow(rs.getLong(1), "EARLIER_LINE", rs.getLong(3)))
                .list();
        return new Classification(counts.getOrDefault("NEW", 0L), counts.getOrDefault("EXISTING", 0L), duplicates,
                duplicateRows, errorCount, errors);
    }

    /**
     * Inserts the new rows into call_tasks, in upload order; returns their ids in the same order. The ids
     * are fetched in chunks (a cursor), not as one result of a million rows.
     */
    /**
     * Refreshes the planner's statistics of call_tasks after a large import. Plans cached while the table was
     * small (the foreign-key checks of every call attempt recorded next, searches) would otherwise go on
     * scanning it whole; ANALYZE samples a bounded number of rows, so it costs well under a second.
     */
    void refreshStatistics() {
        jdbc.sql("analyze call_tasks").update();
    }

    long[] insertNew(long campaignId, long expected) {
        long[] ids = new long[Math.toIntExact(expected)];
        int count = 0;
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into call_tasks (campaign_id, phone_number, external_id, external_ref)
                select ?, phone_number, external_id, external_ref from task_upload_verdict
                where verdict = 'NEW' order by line
                returning id""")) {
            insert.setLong(1, campaignId);
            insert.setFetchSize(ID_FETCH_SIZE);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids[count++] = rows.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Inserting the uploaded tasks failed", e);
        }
        if (count != ids.length) {
            throw new IllegalStateException("Inserted " + count + " tasks, expected " + ids.length);
        }
        Arrays.sort(ids);
        return ids;
    }

    private static void write(CopyIn copy, CheckedBatch batch, List<RowError> errors, long[] counts, int maxErrors)
            throws SQLException {
        counts[0] += batch.rows();
        counts[1] += batch.errors().size();
        for (RowError error : batch.errors()) {
            if (errors.size() < maxErrors) {
                errors.add(error);
            }
        }
        if (batch.copyText().length > 0) {
            copy.writeToCopy(batch.copyText(), 0, batch.copyText().length);
        }
    }

    private static CheckedBatch await(Future<CheckedBatch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while validating an upload", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("Validating an upload failed", e.getCause());
        }
    }
}
