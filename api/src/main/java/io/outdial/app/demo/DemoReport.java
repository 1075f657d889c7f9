package io.outdial.app.demo;

import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the demo campaign did, from three independent sources: PostgreSQL (the record), Temporal (one
 * workflow per call) and the simulator's observer (what FreeSWITCH saw), with the checks that must hold.
 */
final class DemoReport {

    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();

    static DemoReport collect(long campaignId, List<Long> taskIds, JdbcClient jdbc, WorkflowClient workflows,
                              SimObserver.Stats sim) {
        DemoReport report = new DemoReport();
        int tasks = taskIds.size();
        report.line("Campaign " + campaignId + ": " + tasks + " tasks");

        Map<String, Long> byStatus = counts(jdbc, "select status, count(*) from call_tasks where campaign_id = ? group by status order by 1", campaignId);
        report.line("  tasks by status:            " + byStatus);
        Map<String, Long> byOutcome = counts(jdbc, "select outcome, count(*) from call_attempts where campaign_id = ? group by outcome order by 1", campaignId);
        report.line("  call attempts by outcome:   " + byOutcome);
        Map<String, Long> byFault = counts(jdbc, "select fault_class, count(*) from call_attempts where campaign_id = ? group by fault_class order by 1", campaignId);
        report.line("  call attempts by fault:     " + byFault);
        long attempts = byOutcome.values().stream().mapToLong(Long::longValue).sum();
        long tasksWithAttempt = jdbc.sql("select count(distinct task_id) from call_attempts where campaign_id = ?")
                .param(campaignId).query(Long.class).single();
        report.line("  call attempts:              " + attempts + " (tasks with an attempt: " + tasksWithAttempt + ")");
        report.check(byStatus.getOrDefault("DONE", 0L) == tasks, "every task is DONE");
        report.check(tasksWithAttempt == tasks, "every task has a recorded call attempt");

        long closedWorkflows = 0;
        for (long taskId : taskIds) {
            try {
                var status = workflows.newUntypedWorkflowStub(WorkflowIds.call(campaignId, taskId)).describe().getStatus();
                if (status == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED) {
                    closedWorkflows++;
                }
            } catch (WorkflowNotFoundException e) {
                // counted as missing
            }
        }
        report.line("  call workflow executions:   " + closedWorkflows + " completed (call-" + campaignId + "-<taskId>)");
        report.check(closedWorkflows == tasks, "one completed call workflow per task");

        report.line("FreeSWITCH simulator (GET /sim/stats):");
        report.line("  originates:                 " + sim.originates());
        report.line("  numbers dialed twice:       " + sim.numbersDialedMoreThanOnce());
        report.line("  outcomes:                   " + sim.outcomes());
        report.check(sim.originates() == tasks, "exactly one originate per task (" + tasks + ")");
        report.check(sim.numbersDialedMoreThanOnce() == 0, "no number dialed more than once");
        sim.gatewayCaps().forEach((gateway, caps) -> {
            long max = sim.maxOriginatesInAnySecond().getOrDefault(gateway, 0L);
            report.line("  " + gateway + ": max originates in any second " + max + " (CAPS " + caps + ")");
            report.check(max <= caps, gateway + " never over its CAPS");
        });
        return report;
    }

    private static Map<String, Long> counts(JdbcClient jdbc, String sql, long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(campaignId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private void line(String line) {
        lines.add(line);
    }

    private void check(boolean ok, String what) {
        lines.add((ok ? "  [ok]   " : "  [FAIL] ") + what);
        if (!ok) {
            failures.add(what);
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    void print(PrintStream out) {
        out.println();
        out.println("==================== outdial demo ====================");
        lines.forEach(out::println);
        out.println(passed() ? "RESULT: all checks passed" : "RESULT: " + failures.size() + " check(s) failed: " + failures);
        out.println("======================================================");
        out.flush();
    }
}
