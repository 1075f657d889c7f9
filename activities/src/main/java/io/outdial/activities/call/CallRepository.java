package io.outdial.activities.call;

import io.outdial.activities.linehealth.LineHealthSettings;
import io.outdial.activities.pacing.Limits;
import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.Classification;
import io.outdial.workflows.call.FaultClass;
import io.outdial.workflows.call.OutcomeRecord;
import io.outdial.workflows.call.PlaceCallResult;
import io.outdial.workflows.common.WorkflowIds;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The call side of PostgreSQL: what a call needs to dial, and the attempts it records. */
public class CallRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    public CallRepository(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    /**
     * The task's number, its campaign's pool and the limits of the route (a line on probation at its
     * probe CAPS, as the round plans it); empty if any is missing.
     */
    public Optional<CallContext> context(long campaignId, long taskId, String fsNodeId, String lineId) {
        return jdbc.sql("""
                        select t.phone_number, c.pool_id, c.caps, c.max_concurrency, n.caps, n.max_sessions,
                               case when l.health_state = 'HEALTHY' then l.caps else least(l.caps, :probeCaps) end,
                               l.max_concurrency
                        from call_tasks t
                        join campaigns c on c.id = t.campaign_id
                        join fs_nodes n on n.id = :node and n.pool_id = c.pool_id
                        join lines l on l.id = :line and l.pool_id = c.pool_id
                        where t.id = :task and t.campaign_id = :campaign""")
                .param("node", fsNodeId)
                .param("line", lineId)
                .param("task", taskId)
                .param("campaign", campaignId)
                // a line on probation gets a trickle here too, for a call that takes a late token
                .param("probeCaps", LineHealthSettings.PROBE_CAPS)
                .query((rs, n) -> new CallContext(rs.getString(1), rs.getLong(2),
                        new Limits(rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8))))
                .optional();
    }

    /**
     * Whether the route's FS node or line is evicted at {@code now}: health checks took it out after the
     * round chose it (a line whose cool-down is over is on probation, not evicted).
     */
    public boolean routeEvicted(String fsNodeId, String lineId, Instant now) {
        return Boolean.TRUE.equals(jdbc.sql("""
                        select exists (select 1 from fs_nodes where id = :node and evicted_until > :now)
                            or exists (select 1 from lines where id = :line and evicted_until > :now)""")
                .param("node", fsNodeId)
                .param("line", lineId)
                .param("now", Timestamp.from(now))
                .query(Boolean.class).single());
    }

    /** The pool of a campaign. */
    public Optional<Long> poolOf(long campaignId) {
        return jdbc.sql("select pool_id from campaigns where id = ?").param(campaignId).query(Long.class).optional();
    }

    /**
     * What {@link #record} did.
     *
     * @param inserted        whether the attempt was inserted now (false: a retried record)
     * @param reattemptDueMs  when the task was queued again for a business re-attempt, the epoch
     *                        millisecond it is due; 0 when it was not
     */
    public record Recorded(boolean inserted, long reattemptDueMs) {

        public boolean reattempt() {
            return reattemptDueMs > 0;
        }
    }

    /**
     * Inserts the attempt unless (taskId, attempt) is recorded already and, when this was the call's final
     * attempt, ends the task: back to QUEUED for a business re-attempt when {@link Reattempts} allows one
     * (not before {@code now} plus the campaign's delay), else DONE with its outcome; all in one transaction.
     * A retried record finds its attempt inserted and changes the task no further, but reports the
     * re-attempt again so its caller can schedule it (again).
     */
    public Recorded record(OutcomeRecord record, Instant now) {
        return transactions.execute(status -> {
            boolean fresh = insertAttempt(record);
            if (!record.finalAttempt()) {
                return new Recorded(fresh, 0);
            }
            if (!fresh) {
                long due = queuedAgainDueMs(record.taskId());
                if (due > 0) {
                    return new Recorded(false, due);
                }
            } else if (Reattempts.eligible(verdict(record))) {
                long due = queueAgain(record, now);
                if (due > 0) {
                    return new Recorded(true, due);
                }
            }
            markDone(record);
            return new Recorded(fresh, 0);
        });
    }

    /**
     * Queues a DIALING task again, not before {@code now} plus its campaign's delay, if its campaign runs
     * (or is paused) and it has had fewer call workflows than the campaign allows. Its dial attempt count
     * becomes the highest attempt number recorded for it, so the next call workflow dials a fresh number
     * (and thus a fresh origination_uuid and idempotency key). The share lock on the campaign row orders
     * this with a cancel ({@link io.outdial.activities.tasks.TaskRepository#cancelQueued}).
     *
     * @return the epoch millisecond it is due, or 0 if it was not queued again
     */
    private long queueAgain(OutcomeRecord r, Instant now) {
        boolean running = jdbc.sql("select status in ('RUNNING', 'PAUSED') from campaigns where id = ? for share")
                .param(r.campaignId())
                .query(Boolean.class)
                .optional()
                .orElse(false);
        if (!running) {
            return 0;
        }
        Classification verdict = verdict(r);
        return jdbc.sql("""
                        update call_tasks t
                        set status = 'QUEUED', outcome = :outcome, fault_class = :faultClass,
                            attempts = greatest(t.attempts, :attempt,
                                (select max(a.attempt) from call_attempts a where a.task_id = t.id)),
                            not_before = cast(:now as timestamptz) + make_interval(secs => c.reattempt_delay_seconds),
                            version = t.version + 1, updated_at = now()
                        from campaigns c
                        where t.id = :task and t.status = 'DIALING' and c.id = t.campaign_id
                          and t.business_attempts < c.max_attempts
                        returning t.not_before""")
                .param("outcome", verdict.outcome().name())
                .param("faultClass", verdict.faultClass().name())
                .param("attempt", r.attempt())
                .param("now", Timestamp.from(now))
                .param("task", r.taskId())
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::getTime)
                .orElse(0L);
    }

    /** The due time of a task queued again for a re-attempt, or 0 if it is not waiting for one. */
    private long queuedAgainDueMs(long taskId) {
        return jdbc.sql("select not_before from call_tasks where id = ? and status = 'QUEUED' and not_before is not null")
                .param(taskId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::getTime)
                .orElse(0L);
    }

    private boolean insertAttempt(OutcomeRecord r) {
        PlaceCallResult seen = r.observed();
        Classification verdict = verdict(r);
        String uuid = seen != null && seen.originationUuid() != null
                ? seen.originationUuid()
                : WorkflowIds.originationUuid(r.campaignId(), r.taskId(), r.attempt()).toString();
        return jdbc.sql("""
                        insert into call_attempts (task_id, campaign_id, attempt, fs_node_id, line_id,
                            origination_uuid, workflow_id, sent, job_result, channel_created, progress, answered,
                            hangup_cause, sip_status, billsec, fault_class, outcome, started_at, answered_at, ended_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (task_id, attempt) do nothing""")
                .params(r.taskId(), r.campaignId(), r.attempt(), r.fsNodeId(), r.lineId(),
                        UUID.fromString(uuid), r.workflowId(),
                        seen != null && seen.sent(),
                        seen == null ? null : seen.jobResult(),
                        seen != null && seen.created(),
                        seen != null && seen.progress(),
                        seen != null && seen.answered(),
                        seen == null ? null : seen.hangupCause(),
                        new SqlParameterValue(Types.INTEGER, seen == null ? null : seen.sipStatus()),
                        seen == null ? 0 : seen.billsec(),
                        verdict.faultClass().name(), verdict.outcome().name(),
                        timestamp(seen == null ? 0 : seen.startedAtMs()),
                        timestamp(seen == null ? 0 : seen.answeredAtMs()),
                        timestamp(seen == null ? 0 : seen.endedAtMs()))
                .update() == 1;
    }

    private void markDone(OutcomeRecord r) {
        Classification verdict = verdict(r);
        jdbc.sql("""
                        update call_tasks set status = 'DONE', outcome = ?, fault_class = ?,
                               attempts = greatest(attempts, ?), version = version + 1, updated_at = now()
                        where id = ? and status <> 'DONE'""")
                .params(verdict.outcome().name(), verdict.faultClass().name(), r.attempt(), r.taskId())
                .update();
    }

    private static Classification verdict(OutcomeRecord r) {
        return r.verdict() != null ? r.verdict()
                : new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE);
    }

    private static SqlParameterValue timestamp(long epochMs) {
        return new SqlParameterValue(Types.TIMESTAMP, epochMs == 0 ? null : new Timestamp(epochMs));
    }
}
