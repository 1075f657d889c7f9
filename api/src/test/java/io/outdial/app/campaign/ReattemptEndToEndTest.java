package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.app.DevModeTest;
import io.outdial.app.dev.DevInfrastructure;
import io.outdial.fssim.SimStats;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign that calls busy and unanswered numbers once more, through the whole engine on fs-sim's
 * random mix of outcomes (15 % busy, 15 % no answer): judged from PostgreSQL, Temporal and the
 * simulator's own count of dials per number.
 */
@DevModeTest
class ReattemptEndToEndTest {

    private static final int TASKS = 20;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflows;

    @Autowired
    DevInfrastructure infrastructure;

    /** One call (call workflow) of a task: its last attempt's outcome and when it ended, the next one's start. */
    private record Call(long taskId, String phoneNumber, String workflowId, String outcome, Timestamp firstStartedAt,
                        Timestamp lastEndedAt, long sentAttempts) {
    }

    @AfterEach
    void countersCleared() throws Exception {
        // other tests of the shared context count the simulator's originates from zero
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infrastructure.simObserverUrl() + "/sim/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(200, 299);
    }

    @Test
    void busyAndUnansweredNumbersAreCalledExactlyOnceMoreAfterTheDelayAndNoOtherNumberIs() {
        List<String> numbers = IntStream.range(0, TASKS).mapToObj(i -> String.format("+1555060%04d", i)).toList();
        long id = http.postForEntity("/api/v1/campaigns", Map.of("name", "re-attempts", "caps", 10, "maxConcurrency", 20,
                "maxAttempts", 2, "reattemptDelaySeconds", 1), JsonNode.class).getBody().get("id").asLong();
        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/tasks",
                Map.of("tasks", numbers.stream().map(n -> Map.of("phoneNumber", n)).toList(), "last", true),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/start", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.getForObject("/api/v1/campaigns/" + id, JsonNode.class).at("/campaign/status").asText())
                        .isEqualTo("COMPLETED"));

        assertThat(jdbc.sql("select count(*) from call_tasks where campaign_id = ? and status = 'DONE'").param(id)
                .query(Long.class).single()).isEqualTo(TASKS);
        List<Call> calls = jdbc.sql("""
                        select t.id, t.phone_number, a.workflow_id,
                               (array_agg(a.outcome order by a.attempt desc))[1], min(a.started_at), max(a.ended_at),
                               count(*) filter (where a.sent)
                        from call_tasks t join call_attempts a on a.task_id = t.id
                        where t.campaign_id = ?
                        group by t.id, t.phone_number, a.workflow_id
                        order by t.id, min(a.attempt)""")
                .param(id)
                .query((rs, n) -> new Call(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getTimestamp(5), rs.getTimestamp(6), rs.getLong(7)))
                .list();
        SimStats sim = infrastructure.simStats();
        int reattempted = 0;
        for (String number : numbers) {
            List<Call> ofNumber = calls.stream().filter(c -> c.phoneNumber().equals(number)).toList();
            assertThat(ofNumber).as("calls of %s", number).isNotEmpty().hasSizeLessThanOrEqualTo(2);
            Call first = ofNumber.get(0);
            assertThat(first.workflowId()).isEqualTo(WorkflowIds.call(id, first.taskId()));
            boolean calleeDidNotTakeIt = first.outcome().equals("BUSY") || first.outcome().equals("NO_ANSWER");
            assertThat(ofNumber).as("a second call of %s after %s", number, first.outcome())
                    .hasSize(calleeDidNotTakeIt ? 2 : 1);
            if (calleeDidNotTakeIt) {
                reattempted++;
                Call second = ofNumber.get(1);
                assertThat(second.workflowId()).isEqualTo(WorkflowIds.call(id, first.taskId(), 2));
                assertThat(workflows.newUntypedWorkflowStub(second.workflowId()).describe().getStatus())
                        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
                assertThat(second.firstStartedAt().getTime() - first.lastEndedAt().getTime())
                        .as("the delay between the calls of %s", number).isGreaterThanOrEqualTo(1000);
            }
            long sent = ofNumber.stream().mapToLong(Call::sentAttempts).sum();
            assertThat(sim.dialsPerNumber().getOrDefault(number, sim.dialsPerNumber()
                    .getOrDefault(number.substring(1), 0L))).as("dials of %s seen by FreeSWITCH", number)
                    .isEqualTo(sent);
        }
        assertThat(reattempted).as("30 %% of 20 numbers are busy or do not answer, by fs-sim's mix")
                .isPositive();
        assertThat(jdbc.sql("""
                        select count(distinct origination_uuid) = count(*) from call_attempts where campaign_id = ?""")
                .param(id).query(Boolean.class).single()).as("every attempt has its own origination_uuid").isTrue();
    }
}
