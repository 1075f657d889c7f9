package io.outdial.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.app.DevModeTest;
import io.outdial.app.dev.DevInfrastructure;
import io.outdial.fssim.SimStats;
import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.client.WorkflowClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * A campaign with one of its two gateways down, end to end: the calls sent to the dead gateway's line
 * fail over to the other line and every task completes; the simulator shows each number reached a
 * carrier exactly once (a GATEWAY_DOWN originate is refused before any INVITE).
 */
@DevModeTest
class GatewayDownFailoverTest {

    private static final int TASKS = 12;
    private static final String DOWN = "gw1";

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflows;

    @Autowired
    DevInfrastructure infrastructure;

    @AfterEach
    void gatewayUpAndCountersCleared() throws Exception {
        sim("/sim/gateways/" + DOWN + "/up");
        // other tests of the shared context count the simulator's originates from zero
        sim("/sim/reset");
        // line health may have evicted the seed's line1 for this test's faults (rightly); the shared context's
        // other tests expect it in use: re-admit it as line health would (faults before health_since no longer count)
        jdbc.sql("""
                update lines set health_state = 'HEALTHY', health_reason = 'reset by GatewayDownFailoverTest',
                                 health_since = now(), evicted_until = null
                where gateway = ? and health_state <> 'HEALTHY'""").param(DOWN).update();
    }

    @Test
    void callsOnTheDeadGatewaysLineFailOverToTheOtherLineAndAllComplete() throws Exception {
        sim("/sim/gateways/" + DOWN + "/down");
        List<String> numbers = IntStream.range(0, TASKS).mapToObj(i -> String.format("+1555040%04d", i)).toList();
        long id = http.postForEntity("/api/v1/campaigns",
                Map.of("name", "gateway down", "caps", 6, "maxConcurrency", 20), JsonNode.class).getBody()
                .get("id").asLong();
        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/tasks",
                Map.of("tasks", numbers.stream().map(n -> Map.of("phoneNumber", n)).toList(), "last", true),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/start", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);

        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.getForObject("/api/v1/campaigns/" + id, JsonNode.class).at("/campaign/status").asText())
                        .isEqualTo("COMPLETED"));

        String downLine = jdbc.sql("select id from lines where gateway = ? and enabled").param(DOWN)
                .query(String.class).single();
        List<Map<String, Object>> attempts = jdbc.sql("""
                        select t.id as task_id, t.phone_number, t.status, t.outcome as task_outcome, a.attempt,
                               a.line_id, a.fault_class, a.job_result
                        from call_tasks t join call_attempts a on a.task_id = t.id
                        where t.campaign_id = ? order by t.id, a.attempt""")
                .param(id).query().listOfRows();
        assertThat(attempts.stream().map(row -> row.get("task_id")).distinct()).hasSize(TASKS);
        assertThat(attempts).allSatisfy(row -> {
            assertThat(row.get("status")).isEqualTo("DONE");
            assertThat(row.get("task_outcome")).as("no task ends as a line failure").isNotEqualTo("LINE_FAILED");
        });
        List<Map<String, Object>> onDownLine = attempts.stream()
                .filter(row -> downLine.equals(row.get("line_id"))).toList();
        assertThat(onDownLine).as("calls first sent to the dead gateway's line").isNotEmpty();
        assertThat(onDownLine).allSatisfy(row -> {
            assertThat(row.get("fault_class")).isEqualTo("LINE_FAULT");
            assertThat(row.get("job_result")).isEqualTo("-ERR GATEWAY_DOWN");
        });
        for (Map<String, Object> failed : onDownLine) {
            Map<String, Object> next = attempts.stream()
                    .filter(row -> row.get("task_id").equals(failed.get("task_id"))
                            && ((Number) row.get("attempt")).intValue() == ((Number) failed.get("attempt")).intValue() + 1)
                    .findFirst().orElseThrow();
            assertThat(next.get("line_id")).as("the failover of task %s", failed.get("task_id"))
                    .isNotEqualTo(downLine);
            long taskId = ((Number) failed.get("task_id")).longValue();
            var tags = workflows.newUntypedWorkflowStub(WorkflowIds.call(id, taskId)).describe()
                    .getTypedSearchAttributes();
            assertThat(tags.get(SearchAttributes.ATTEMPT)).isEqualTo(((Number) next.get("attempt")).longValue());
            assertThat(tags.get(SearchAttributes.LINE_ID)).isEqualTo(next.get("line_id"));
        }

        SimStats sim = infrastructure.simStats();
        List<String> dialed = attempts.stream().map(row -> (String) row.get("phone_number")).distinct().toList();
        assertThat(dialed).hasSize(TASKS);
        for (String number : dialed) {
            long refused = onDownLine.stream().filter(row -> number.equals(row.get("phone_number"))).count();
            assertThat(sim.dialsPerNumber().getOrDefault(number, 0L) - refused)
                    .as("originates of %s that reached a carrier", number).isEqualTo(1);
        }
    }

    private void sim(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infrastructure.simObserverUrl() + path))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s", path).isBetween(200, 299);
    }
}
