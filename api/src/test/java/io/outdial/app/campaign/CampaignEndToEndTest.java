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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One campaign through the whole engine, driven over HTTP and judged from outside: PostgreSQL, the
 * Temporal server and the FreeSWITCH simulator's own counters.
 */
@DevModeTest
class CampaignEndToEndTest {

    private static final int TASKS = 20;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflows;

    @Autowired
    DevInfrastructure infrastructure;

    @Test
    void callsEveryNumberOnceWithinCapsAndRecordsEveryOutcome() {
        List<String> numbers = IntStream.range(0, TASKS).mapToObj(i -> String.format("+1555020%04d", i)).toList();

        ResponseEntity<JsonNode> created = http.postForEntity("/api/v1/campaigns",
                Map.of("name", "end to end", "caps", 10, "maxConcurrency", 20), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long id = created.getBody().get("id").asLong();

        ResponseEntity<JsonNode> added = http.postForEntity("/api/v1/campaigns/" + id + "/tasks",
                Map.of("tasks", numbers.stream().map(n -> Map.of("phoneNumber", n)).toList(), "last", true),
                JsonNode.class);
        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().get("added").asInt()).isEqualTo(TASKS);

        ResponseEntity<JsonNode> started = http.postForEntity("/api/v1/campaigns/" + id + "/start", null, JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody().get("workflowId").asText()).isEqualTo(WorkflowIds.campaign(id));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode campaign = http.getForObject("/api/v1/campaigns/" + id, JsonNode.class);
            assertThat(campaign.at("/campaign/status").asText()).isEqualTo("COMPLETED");
        });

        JsonNode details = http.getForObject("/api/v1/campaigns/" + id, JsonNode.class);
        assertThat(details.at("/campaign/workflowId").asText()).isEqualTo(WorkflowIds.campaign(id));
        assertThat(details.at("/tasksByStatus/DONE").asLong()).isEqualTo(TASKS);
        assertThat(details.at("/attempts").asLong()).isGreaterThanOrEqualTo(TASKS);

        List<Long> taskIds = jdbc.sql("select id from call_tasks where campaign_id = ? order by id")
                .param(id).query(Long.class).list();
        assertThat(taskIds).hasSize(TASKS);
        long withOutcome = jdbc.sql("""
                        select count(distinct t.id) from call_tasks t
                        join call_attempts a on a.task_id = t.id and a.outcome is not null
                        where t.campaign_id = ?""")
                .param(id).query(Long.class).single();
        assertThat(withOutcome).as("tasks with a recorded call attempt").isEqualTo(TASKS);

        for (long taskId : taskIds) {
            var description = workflows.newUntypedWorkflowStub(WorkflowIds.call(id, taskId)).describe();
            assertThat(description.getStatus())
                    .as("call workflow of task %d", taskId)
                    .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
        }

        SimStats sim = infrastructure.simStats();
        assertThat(sim.originates()).as("originates seen by FreeSWITCH").isEqualTo(TASKS);
        assertThat(sim.numbersDialedMoreThanOnce()).isZero();
        assertThat(sim.dialsPerNumber()).hasSize(TASKS);
        sim.gatewayCaps().forEach((gateway, caps) -> assertThat(sim.maxOriginatesInAnySecond().getOrDefault(gateway, 0L))
                .as("most originates in one second through %s", gateway)
                .isLessThanOrEqualTo(caps));

        String scrape = http.getForObject("/actuator/prometheus", String.class);
        assertThat(scrape).as("pacing and round meters exported for Prometheus")
                .contains("outdial_round_lateness_seconds_count")
                .contains("outdial_round_duration_seconds_count")
                .contains("outdial_reservations_granted_total")
                .contains("outdial_pacing_in_flight");
    }
}
