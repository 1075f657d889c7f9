package io.outdial.app.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Campaign stats, the stats stream and resource stats through the running application. */
@DevModeTest
class CampaignStatsApiTest {

    @Autowired
    TestRestTemplate http;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DevInfrastructure infrastructure;

    @Autowired
    ObjectMapper json;

    @Autowired
    CampaignStatsService stats;

    @Autowired
    ResourceStatsService resources;

    @Autowired
    StatsStreams streams;

    @Test
    void statsOfAFinishedCampaignMatchTheDatabase() throws Exception {
        long id = campaign("default");
        List<Map<String, String>> tasks = IntStream.range(0, 3)
                .mapToObj(i -> Map.of("phoneNumber", String.format("+1555031%04d", i))).toList();
        http.postForEntity("/api/v1/campaigns/" + id + "/tasks", Map.of("tasks", tasks, "last", true), JsonNode.class);
        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/start", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(http.getForObject("/api/v1/campaigns/" + id + "/stats", JsonNode.class)
                        .get("status").asText()).isEqualTo("COMPLETED"));

        simCountersCleared();
        JsonNode figures = http.getForObject("/api/v1/campaigns/" + id + "/stats", JsonNode.class);
        assertThat(counts(figures.get("tasksByStatus")))
                .isEqualTo(counts("select status, count(*) from call_tasks where campaign_id = ? group by 1", id));
        assertThat(counts(figures.get("attemptsByOutcome")))
                .isEqualTo(counts("select outcome, count(*) from call_attempts where campaign_id = ? group by 1", id));
        assertThat(counts(figures.get("attemptsByFaultClass"))).isEqualTo(
                counts("select fault_class, count(*) from call_attempts where campaign_id = ? group by 1", id));
        long attempts = one("select count(*) from call_attempts where campaign_id = ?", id);
        long answered = one("select count(*) from call_attempts where campaign_id = ? and answered", id);
        assertThat(figures.get("attempts").asLong()).isEqualTo(attempts).isGreaterThanOrEqualTo(3);
        assertThat(figures.get("answerRate").asDouble()).isEqualTo((double) answered / attempts);
        assertThat(figures.get("callsLastMinute").asLong()).isEqualTo(attempts);
        assertThat(figures.get("inFlight").asLong()).isZero();
        assertThat(figures.at("/pacing/caps").asInt()).isEqualTo(5);
        assertThat(figures.get("progress").isNull()).isTrue();
        assertThat(Instant.parse(figures.get("at").asText())).isCloseTo(Instant.now(),
                org.assertj.core.api.Assertions.within(10, java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void theStreamSendsStatsEverySecondThenAnEndedEventAndCompletes() throws Exception {
        long id = campaign("default");
        int openBefore = streams.openStreams();
        MvcResult stream = mvc.perform(get("/api/v1/campaigns/" + id + "/stats/stream")
                        .accept(MediaType.TEXT_EVENT_STREAM))
                .andExpect(request().asyncStarted()).andReturn();

        await().atMost(Duration.ofSeconds(10)).until(() -> events(stream, "stats").size() >= 2);
        List<JsonNode> ticks = events(stream, "stats");
        assertThat(ticks.get(0).get("campaignId").asLong()).isEqualTo(id);
        assertThat(ticks.get(0).get("status").asText()).isEqualTo("DRAFT");
        assertThat(Duration.between(Instant.parse(ticks.get(0).get("at").asText()),
                Instant.parse(ticks.get(1).get("at").asText()))).isBetween(Duration.ofMillis(800), Duration.ofMillis(1500));
        assertThat(streams.openStreams()).isEqualTo(openBefore + 1);

        assertThat(http.postForEntity("/api/v1/campaigns/" + id + "/cancel", null, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(10)).until(() -> events(stream, "ended").size() == 1);
        assertThat(events(stream, "ended").get(0).get("status").asText()).isEqualTo("CANCELLED");
        stream.getAsyncResult(5_000);
        assertThat(streams.openStreams()).isEqualTo(openBefore);
    }

    @Test
    void anotherTenantsCampaignIsNotFoundForStatsAndStreams() throws Exception {
        long id = campaign("default");
        Caller stranger = new Caller("stranger", Role.ADMIN, tenantId(tenant()), "stranger");
        assertThatThrownBy(() -> stats.stats(stranger, id)).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThatThrownBy(() -> stats.requireVisible(stranger, id)).isInstanceOf(ApiProblem.class);

        ResponseEntity<JsonNode> unknown = http.getForEntity("/api/v1/campaigns/999999999/stats", JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getBody().get("type").asText()).isEqualTo("urn:outdial:problem:not-found");
        int status = mvc.perform(get("/api/v1/campaigns/999999999/stats/stream").accept(MediaType.TEXT_EVENT_STREAM))
                .andReturn().getResponse().getStatus();
        assertThat(status).isEqualTo(404);
    }

    @Test
    void resourcesShowSharedPoolsAndOnlyTheCallersOwnDedicatedPool() throws Exception {
        AdminApi admin = new AdminApi(mvc);
        String owner = admin.tenant();
        AdminApi.Named pool = admin.pool(owner);
        String line = admin.line(pool.name(), "gw2", 5);

        JsonNode all = http.getForObject("/api/v1/stats/resources", JsonNode.class);
        assertThat(ids(all.get("lines"))).contains(line);
        assertThat(all.get("fsNodes").size()).isPositive();
        JsonNode node = all.at("/fsNodes/0");
        assertThat(node.get("callsInFlight").asLong()).isGreaterThanOrEqualTo(0);
        assertThat(node.get("health").asText()).isIn("HEALTHY", "EVICTED");
        JsonNode lineFigures = all.at("/lines/0");
        assertThat(lineFigures.get("inUse").asLong()).isGreaterThanOrEqualTo(0);

        ResourceStats ownersView = resources.resources(new Caller("o", Role.VIEWER, tenantId(owner), owner));
        assertThat(ownersView.lines()).extracting(ResourceStats.LineStats::id).contains(line);
        String other = tenant();
        ResourceStats othersView = resources.resources(new Caller("x", Role.ADMIN, tenantId(other), other));
        assertThat(othersView.lines()).extracting(ResourceStats.LineStats::id).doesNotContain(line)
                .containsAll(ownersView.lines().stream().map(ResourceStats.LineStats::id)
                        .filter(id -> !id.equals(line)).toList());
    }

    private long campaign(String tenant) {
        return http.postForEntity("/api/v1/campaigns", Map.of("name", "stats", "caps", 5, "maxConcurrency", 5,
                "ringTimeoutSeconds", 5, "tenant", tenant), JsonNode.class).getBody().get("id").asLong();
    }

    private String tenant() {
        String name = AdminApi.unique("stats");
        http.postForEntity("/api/v1/tenants", Map.of("name", name), JsonNode.class);
        return name;
    }

    private long tenantId(String name) {
        return one("select id from tenants where name = ?", name);
    }

    private long one(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private Map<String, Long> counts(String sql, long campaignId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql(sql).param(campaignId).query(rs -> {
            counts.put(rs.getString(1), rs.getLong(2));
        });
        return counts;
    }

    private static Map<String, Long> counts(JsonNode object) {
        Map<String, Long> counts = new LinkedHashMap<>();
        object.fields().forEachRemaining(field -> counts.put(field.getKey(), field.getValue().asLong()));
        return counts;
    }

    private static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    /** The data of every event of this name written to the stream so far. */
    private List<JsonNode> events(MvcResult stream, String name) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String block : stream.getResponse().getContentAsString().split("\n\n")) {
            String event = null;
            StringBuilder data = new StringBuilder();
            for (String line : block.split("\n")) {
                if (line.startsWith("event:")) {
                    event = line.substring("event:".length());
                } else if (line.startsWith("data:")) {
                    data.append(line.substring("data:".length()));
                }
            }
            if (name.equals(event)) {
                events.add(json.readTree(data.toString()));
            }
        }
        return events;
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
