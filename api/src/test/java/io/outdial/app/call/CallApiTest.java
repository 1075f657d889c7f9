package io.outdial.app.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.app.dev.DevInfrastructure;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.outdial.app.security.Caller;
import io.outdial.app.security.Role;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.common.WorkflowIds;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Call search and call detail over a small campaign run once end to end on fs-sim (random outcomes:
 * the expected rows are read from PostgreSQL), through REST as the platform admin and through the
 * service as callers of other tenants and roles.
 */
@DevModeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CallApiTest {

    private static final int TASKS = 6;

    @Autowired
    TestRestTemplate http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevInfrastructure infrastructure;

    @Autowired
    CallService calls;

    @Autowired
    ObjectMapper json;

    long campaignId;
    long tenantId;
    String tenant;
    List<String> numbers;
    List<Long> taskIds;

    @BeforeAll
    void runOneCampaign() throws Exception {
        tenant = AdminApi.unique("calls");
        assertThat(http.postForEntity("/api/v1/tenants", Map.of("name", tenant), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
        tenantId = jdbc.sql("select id from tenants where name = ?").param(tenant).query(Long.class).single();
        numbers = IntStream.range(0, TASKS).mapToObj(i -> String.format("+1555030%04d", i)).toList();
        campaignId = http.postForEntity("/api/v1/campaigns", Map.of("name", "calls", "caps", 10,
                "maxConcurrency", 10, "ringTimeoutSeconds", 5, "tenant", tenant), JsonNode.class).getBody()
                .get("id").asLong();
        List<Map<String, String>> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(Map.of("phoneNumber", numbers.get(i), "externalRef", "ref-" + i));
        }
        assertThat(http.postForEntity("/api/v1/campaigns/" + campaignId + "/tasks",
                Map.of("tasks", tasks, "last", true), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(http.postForEntity("/api/v1/campaigns/" + campaignId + "/start", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.getForObject("/api/v1/campaigns/" + campaignId, JsonNode.class)
                        .at("/campaign/status").asText()).isEqualTo("COMPLETED"));
        simCountersCleared();
        taskIds = ids("select id from call_tasks where campaign_id = ? order by id", campaignId);
        assertThat(taskIds).hasSize(TASKS);
    }

    @Nested
    class Search {

        @Test
        void byCampaignListsEveryTaskWithItsFigures() {
            JsonNode page = get("/api/v1/calls?campaignId=" + campaignId);
            assertThat(taskIdsOf(page)).containsExactlyElementsOf(taskIds);
            assertThat(page.get("nextCursor").isNull()).isTrue();
            JsonNode first = page.at("/items/0");
            assertThat(first.get("phoneNumber").asText()).isEqualTo(numbers.get(0));
            assertThat(first.get("externalRef").asText()).isEqualTo("ref-0");
            assertThat(first.get("status").asText()).isEqualTo("DONE");
            assertThat(first.get("attempts").asInt()).isPositive();
            assertThat(first.get("firstAttemptAt").isNull()).isFalse();
            assertThat(first.get("workflowId").asText()).isEqualTo(WorkflowIds.call(campaignId, taskIds.get(0)));
        }

        @Test
        void byStatusOutcomeAndFaultClassReturnsExactlyTheMatchingTasks() {
            assertThat(taskIdsOf(get("/api/v1/calls?campaignId=" + campaignId + "&status=DONE")))
                    .containsExactlyElementsOf(taskIds);
            assertThat(taskIdsOf(get("/api/v1/calls?campaignId=" + campaignId + "&status=QUEUED"))).isEmpty();
            List<String> outcomes = jdbc.sql("select distinct outcome from call_tasks where campaign_id = ?")
                    .param(campaignId).query(String.class).list();
            for (String outcome : List.of("ANSWERED", "BUSY", "NO_ANSWER", "REJECTED", "INVALID_NUMBER")) {
                assertThat(taskIdsOf(get("/api/v1/calls?campaignId=" + campaignId + "&outcome=" + outcome)))
                        .as("tasks with outcome %s (campaign's outcomes: %s)", outcome, outcomes)
                        .containsExactlyElementsOf(ids("""
                                select id from call_tasks where campaign_id = ? and outcome = ? order by id""",
                                campaignId, outcome));
            }
            for (String faultClass : List.of("ANSWERED", "CALLEE_OUTCOME", "LINE_FAULT")) {
                assertThat(taskIdsOf(get("/api/v1/calls?campaignId=" + campaignId + "&faultClass=" + faultClass)))
                        .containsExactlyElementsOf(ids("""
                                select id from call_tasks where campaign_id = ? and fault_class = ? order by id""",
                                campaignId, faultClass));
            }
        }

        @Test
        void byTimeRangeReturnsTheTasksWithAnAttemptStartedInIt() {
            Instant firstStart = jdbc.sql("""
                            select min(started_at) from call_attempts where campaign_id = ?""")
                    .param(campaignId).query(java.sql.Timestamp.class).single().toInstant();
            Instant lastStart = jdbc.sql("""
                            select max(started_at) from call_attempts where campaign_id = ?""")
                    .param(campaignId).query(java.sql.Timestamp.class).single().toInstant();
            String base = "/api/v1/calls?campaignId=" + campaignId;
            assertThat(taskIdsOf(get(base + "&from=" + firstStart + "&to=" + lastStart.plusMillis(1))))
                    .containsExactlyElementsOf(taskIds);
            // [from, to): the last attempt's start is outside a range that ends there
            assertThat(taskIdsOf(get(base + "&from=" + firstStart + "&to=" + lastStart)))
                    .containsExactlyElementsOf(ids("""
                            select distinct task_id from call_attempts where campaign_id = ? and started_at < ?
                            order by task_id""", campaignId, java.sql.Timestamp.from(lastStart)));
            assertThat(taskIdsOf(get(base + "&from=" + lastStart.plusSeconds(1)))).isEmpty();
        }

        @Test
        void byPhoneNumberNormalisesItInTheTenantsRegion() {
            assertThat(taskIdsOf(get("/api/v1/calls?phoneNumber=(555) 030-0003&campaignId=" + campaignId)))
                    .containsExactly(taskIds.get(3));
            // without the campaign: every campaign of the tenant, the number read in the tenant's region
            assertThat(calls.search(member(Role.MANAGER), new CallSearchRequest(null, null, null, null, null, null,
                    "555.030.0004", null, null)).items())
                    .extracting(CallSummary::taskId).containsExactly(taskIds.get(4));
        }

        @Test
        void paginationWalksEveryTaskExactlyOnce() {
            List<Long> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                JsonNode page = get("/api/v1/calls?limit=4&campaignId=" + campaignId
                        + (cursor == null ? "" : "&cursor=" + cursor));
                seen.addAll(taskIdsOf(page));
                cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
                pages++;
            } while (cursor != null);
            assertThat(seen).containsExactlyElementsOf(taskIds);
            assertThat(pages).isEqualTo(2);
        }

        @Test
        void badParametersAreProblemsNamingTheParameter() {
            String base = "/api/v1/calls?campaignId=" + campaignId;
            Map<String, String> cases = Map.of(
                    base + "&status=RINGING", "status",
                    base + "&outcome=HAPPY", "outcome",
                    base + "&faultClass=nope", "faultClass",
                    base + "&from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "from",
                    base + "&to=yesterday", "to",
                    base + "&cursor=bm90LWEtY3Vyc29y", "cursor",
                    base + "&phoneNumber=12", "phoneNumber",
                    base + "&limit=501", "limit");
            cases.forEach((uri, parameter) -> {
                ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
                assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.BAD_REQUEST);
                assertThat(response.getBody().get("type").asText()).isEqualTo("urn:outdial:problem:bad-parameter");
                assertThat(response.getBody().at("/errors/0/field").asText()).as(uri).isEqualTo(parameter);
            });
        }

        @Test
        void anotherTenantSeesNoneOfTheseCallsAndNotTheCampaign() {
            Caller stranger = stranger(Role.ADMIN);
            assertThat(calls.search(stranger, new CallSearchRequest(null, null, null, null, null, null, null, 500,
                    null)).items()).extracting(CallSummary::campaignId).doesNotContain(campaignId);
            assertThatThrownBy(() -> calls.search(stranger, CallSearchRequest.ofCampaign(campaignId)))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
            assertThat(calls.search(member(Role.VIEWER), CallSearchRequest.ofCampaign(campaignId)).items())
                    .hasSize(TASKS);
        }

        @Test
        void viewersSeeNumbersMaskedToTheirLastFourDigits() {
            assertThat(calls.search(member(Role.VIEWER), CallSearchRequest.ofCampaign(campaignId)).items())
                    .extracting(CallSummary::phoneNumber)
                    .containsExactlyElementsOf(numbers.stream().map(n -> "********" + n.substring(8)).toList());
        }
    }

    @Nested
    class Detail {

        @Test
        void hasEveryAttemptAndATimelineOfEachCallWorkflowWithTheWebUiLink() {
            long taskId = taskIds.get(0);
            JsonNode detail = get("/api/v1/calls/" + taskId);
            long attempts = jdbc.sql("select count(*) from call_attempts where task_id = ?").param(taskId)
                    .query(Long.class).single();
            assertThat(detail.get("attempts")).hasSize((int) attempts);
            JsonNode attempt = detail.at("/attempts/0");
            assertThat(attempt.get("attempt").asInt()).isEqualTo(1);
            assertThat(attempt.get("originationUuid").asText())
                    .isEqualTo(WorkflowIds.originationUuid(campaignId, taskId, 1).toString());
            assertThat(attempt.get("fsNodeId").asText()).isNotEmpty();
            assertThat(attempt.get("outcome").asText()).isEqualTo(detail.at("/call/outcome").asText());

            String workflowId = WorkflowIds.call(campaignId, taskId);
            JsonNode workflow = detail.at("/workflows/0");
            assertThat(workflow.get("workflowId").asText()).isEqualTo(workflowId);
            assertThat(workflow.get("status").asText()).isEqualTo("COMPLETED");
            assertThat(workflow.get("webUiUrl").asText())
                    .isEqualTo("http://127.0.0.1:8233/namespaces/default/workflows/" + workflowId);
            assertThat(workflow.get("historyError").isNull()).isTrue();
            List<String> summaries = new ArrayList<>();
            workflow.get("timeline").forEach(event -> summaries.add(event.get("type").asText() + " "
                    + event.get("summary").asText()));
            assertThat(summaries).first().asString().startsWith("WorkflowExecutionStarted workflow Call on task queue");
            assertThat(summaries).anyMatch(s -> s.startsWith("ActivityTaskScheduled activity PlaceCall (id "));
            assertThat(summaries).anyMatch(s -> s.startsWith("ActivityTaskCompleted activity PlaceCall"));
            assertThat(summaries).last().asString().startsWith("WorkflowExecutionCompleted");
        }

        @Test
        void timelinesNeverCarryTheNumberAndViewersSeeItNowhere() throws Exception {
            for (int i = 0; i < TASKS; i++) {
                String digits = numbers.get(i).substring(1);
                CallDetail full = calls.detail(member(Role.SUPPORT), taskIds.get(i));
                assertThat(full.call().phoneNumber()).isEqualTo(numbers.get(i));
                assertThat(json.writeValueAsString(full.workflows())).doesNotContain(digits)
                        .doesNotContain(digits.substring(digits.length() - 7));
                String viewed = json.writeValueAsString(calls.detail(member(Role.VIEWER), taskIds.get(i)));
                assertThat(viewed).doesNotContain(digits.substring(0, digits.length() - 4))
                        .contains("\"phoneNumber\":\"********" + digits.substring(digits.length() - 4) + "\"");
            }
        }

        @Test
        void anotherTenantsCallOrAnUnknownIdIsNotFound() {
            assertThatThrownBy(() -> calls.detail(stranger(Role.ADMIN), taskIds.get(0)))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
            ResponseEntity<JsonNode> unknown = http.getForEntity("/api/v1/calls/999999999", JsonNode.class);
            assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(unknown.getBody().get("type").asText()).isEqualTo("urn:outdial:problem:not-found");
        }

        @Test
        void aWorkflowTemporalDoesNotKnowHasAHistoryErrorNotAFailure() {
            long taskId = taskIds.get(1);
            // a business re-attempt that Temporal never saw (as after retention): the detail still answers
            jdbc.sql("update call_tasks set business_attempts = 2 where id = ?").param(taskId).update();
            try {
                CallDetail detail = calls.detail(member(Role.MANAGER), taskId);
                CallWorkflowHistory missing = detail.workflows().get(1);
                assertThat(missing.workflowId()).isEqualTo(WorkflowIds.call(campaignId, taskId, 2));
                assertThat(missing.timeline()).isNull();
                assertThat(missing.historyError()).contains("no such workflow");
                assertThat(detail.workflows().get(0).timeline()).isNotEmpty();
            } finally {
                jdbc.sql("update call_tasks set business_attempts = 1 where id = ?").param(taskId).update();
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheCallAndStatsEndpoints() {
        JsonNode api = http.getForObject("/v3/api-docs", JsonNode.class);
        assertThat(api.at("/paths/~1api~1v1~1calls/get/summary").asText()).isEqualTo("Search calls");
        assertThat(api.at("/paths/~1api~1v1~1calls~1{taskId}/get/summary").asText()).isEqualTo("Read one call");
        assertThat(api.at("/paths/~1api~1v1~1campaigns~1{id}~1stats~1stream/get/summary").asText()).isNotEmpty();
        assertThat(api.at("/paths/~1api~1v1~1stats~1resources/get/summary").asText()).isNotEmpty();
        assertThat(api.at("/components/schemas/CallDetail").isMissingNode()).isFalse();
    }

    @Test
    void theWebUiLinkUsesTheConfiguredBase() {
        assertThat(new TemporalUiProperties("https://temporal.example.com/ui/").workflowUrl("prod", "call-7-42-2"))
                .isEqualTo("https://temporal.example.com/ui/namespaces/prod/workflows/call-7-42-2");
    }

    private Caller member(Role role) {
        return new Caller("member", role, tenantId, tenant);
    }

    private Caller stranger(Role role) {
        String other = AdminApi.unique("stranger");
        http.postForEntity("/api/v1/tenants", Map.of("name", other), JsonNode.class);
        long otherId = jdbc.sql("select id from tenants where name = ?").param(other).query(Long.class).single();
        return new Caller("stranger", role, otherId, other);
    }

    private JsonNode get(String uri) {
        ResponseEntity<JsonNode> response = http.getForEntity(uri, JsonNode.class);
        assertThat(response.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private static List<Long> taskIdsOf(JsonNode page) {
        List<Long> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("taskId").asLong()));
        return ids;
    }

    private List<Long> ids(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).list();
    }

    /** Other tests of the shared context count the simulator's originates from zero. */
    private void simCountersCleared() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(infrastructure.simObserverUrl() + "/sim/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isBetween(200, 299);
    }
}
