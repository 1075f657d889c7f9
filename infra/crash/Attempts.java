import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Prints a campaign's call attempts, one tab-separated line each (header first), for crash.py: the
 * extracted PostgreSQL has no psql. Run as a single-file program with the JDBC driver on the class path:
 * {@code java -cp postgresql.jar infra/crash/Attempts.java <jdbc-url> <campaign-id>}.
 */
public final class Attempts {

    private static final String QUERY = """
            select t.id as task_id, t.phone_number, t.status, coalesce(t.outcome, '') as task_outcome, a.attempt, a.fs_node_id, a.line_id, a.sent,
                   coalesce(a.job_result, '') as job_result, a.progress, a.answered,
                   coalesce(a.hangup_cause, '') as hangup_cause, coalesce(a.sip_status::text, '') as sip_status,
                   a.fault_class, a.outcome,
                   coalesce(extract(epoch from a.started_at)::text, '') as started_at,
                   extract(epoch from a.recorded_at)::text as recorded_at
            from call_tasks t join call_attempts a on a.task_id = t.id
            where t.campaign_id = ? order by t.id, a.attempt""";

    private Attempts() {
    }

    public static void main(String[] args) throws SQLException {
        try (Connection db = DriverManager.getConnection(args[0], "postgres", "");
             PreparedStatement query = db.prepareStatement(QUERY)) {
            query.setLong(1, Long.parseLong(args[1]));
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                StringBuilder out = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    out.append(i > 1 ? "\t" : "").append(rows.getMetaData().getColumnLabel(i));
                }
                out.append('\n');
                while (rows.next()) {
                    for (int i = 1; i <= columns; i++) {
                        String value = rows.getString(i);
                        out.append(i > 1 ? "\t" : "").append(value == null ? "" : value.replace('\t', ' '));
                    }
                    out.append('\n');
                }
                System.out.print(out);
            }
        }
    }
}
