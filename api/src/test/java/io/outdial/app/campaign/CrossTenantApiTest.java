package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.app.TestCredentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Tenant isolation through the REST API: tenant B's manager can neither read nor change tenant A's
 * campaigns, tasks, calls, stats, pools, FS nodes or lines. Every attempt on A's campaign is the same 404 as a campaign
 * that does not exist, and PostgreSQL shows nothing changed.
 */
@DevModeTest
class CrossTenantApiTest {

    private static final long MISSING = 987_654_321L;

    private final AdminApi admin;
    private final JdbcClient jdbc;
    private String tenantA;
    private String tenantB;
    private AdminApi managerA;
    private AdminApi managerB;
    private String keyA;
    @LocalServerPort
    int port;

    @Autowired
    CrossTenantApiTest(MockMvc mvc, JdbcClient jdbc) {
        this.admin = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @BeforeEach
    void twoTenantsWithAManagerEach() throws Exception {
        tenantA = admin.tenant();
        tenantB = admin.tenant();
        keyA = admin.apiKey(tenantA, "MANAGER");
        managerA = admin.as(keyA);
        managerB = admin.as(admin.apiKey(tenantB, "MANAGER"));
    }

    @Nested
    class Campaigns {

        private long campaignA;

        @BeforeEach
        void aDraftCampaignOfA() throws Exception {
            campaignA = created(managerA.post("/api/v1/campaigns", """
                    {"name": "a's", "caps": 5, "maxConcurrency": 5, "pool": "%s"}""".formatted(admin.pool(null).name())));
            managerA.post("/api/v1/campaigns/" + campaignA + "/tasks", """
                    {"tasks": [{"phoneNumber": "+14155550101"}, {"phoneNumber": "+14155550102"}]}""")
                    .andExpect(status().isCreated());
        }

        @Test
        void bDoesNotSeeAsCampaignInTheListAndReadingItIsTheSame404AsAMissingOne() throws Exception {
            created(managerB.post("/api/v1/campaigns", """
                    {"name": "b's", "caps": 5, "maxConcurrency": 5}"""));
            List<Integer> listed = JsonPath.read(managerB.get("/api/v1/campaigns").andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsString(), "$[*].id");
            assertThat(listed).isNotEmpty().doesNotContain((int) campaignA);
            assertThat(JsonPath.<List<String>>read(managerB.get("/api/v1/campaigns")
                    .andReturn().getResponse().getContentAsString(), "$[*].tenant")).containsOnly(tenantB);

            String foreign = body(managerB.get("/api/v1/campaigns/" + campaignA).andExpect(status().isNotFound()));
            String missing = body(managerB.get("/api/v1/campaigns/" + MISSING).andExpect(status().isNotFound()));
            assertThat(foreign.replace(String.valueOf(campaignA), "ID")).isEqualTo(missing.replace(String.valueOf(MISSING), "ID"));
            managerA.get("/api/v1/campaigns/" + campaignA).andExpect(status().isOk());
        }

        @Test
        void everyChangeBAttemptsOnAsDraftIsA404AndChangesNothing() throws Exception {
            Map<String, Object> before = state(campaignA);

            notFound(managerB.patch("/api/v1/campaigns/" + campaignA, "{\"weight\": 9}"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/start"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/pause"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/resume"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/cancel"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/close-input"));
            notFound(managerB.patch("/api/v1/campaigns/" + campaignA + "/pacing", "{\"caps\": 1}"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/tasks", """
                    {"tasks": [{"phoneNumber": "+14155550199"}], "last": true}"""));

            assertThat(state(campaignA)).isEqualTo(before);
            assertThat(before).containsEntry("status", "DRAFT").containsEntry("tasks", 2L);
        }

        @Test
        void bCannotPauseOrCancelAsRunningCampaign() throws Exception {
            managerA.post("/api/v1/campaigns/" + campaignA + "/start").andExpect(status().isAccepted());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(JsonPath.<String>read(
                    body(managerA.get("/api/v1/campaigns/" + campaignA)), "$.progress.status")).isEqualTo("RUNNING"));

            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/pause"));
            notFound(managerB.post("/api/v1/campaigns/" + campaignA + "/cancel"));
            notFound(managerB.patch("/api/v1/campaigns/" + campaignA + "/pacing", "{\"caps\": 1}"));

            // A's own update goes through the workflow after anything B could have signalled before it
            managerA.patch("/api/v1/campaigns/" + campaignA + "/pacing", "{\"caps\": 4}").andExpect(status().isOk());
            String details = body(managerA.get("/api/v1/campaigns/" + campaignA));
            assertThat(JsonPath.<String>read(details, "$.progress.status")).isEqualTo("RUNNING");
            assertThat(JsonPath.<Integer>read(details, "$.progress.pacing.caps")).isEqualTo(4);
            assertThat(state(campaignA)).containsEntry("status", "RUNNING");

            managerA.post("/api/v1/campaigns/" + campaignA + "/cancel").andExpect(status().isAccepted());
        }

        @Test
        void bReadsNeitherAsCallsNorItsStatsNorItsStatsStream() throws Exception {
            long taskOfA = jdbc.sql("select min(id) from call_tasks where campaign_id = ?").param(campaignA)
                    .query(Long.class).single();
            managerA.get("/api/v1/calls/" + taskOfA).andExpect(status().isOk());
            managerA.get("/api/v1/campaigns/" + campaignA + "/stats").andExpect(status().isOk());

            notFound(managerB.get("/api/v1/calls/" + taskOfA));
            notFound(managerB.get("/api/v1/calls?campaignId=" + campaignA));
            notFound(managerB.get("/api/v1/campaigns/" + campaignA + "/stats"));
            notFound(managerB.get("/api/v1/campaigns/" + campaignA + "/stats/stream"));
            assertThat(JsonPath.<List<Integer>>read(body(managerA.get("/api/v1/calls").andExpect(status().isOk())),
                    "$.items[*].taskId")).contains((int) taskOfA);
            assertThat(JsonPath.<List<Integer>>read(body(managerB.get("/api/v1/calls").andExpect(status().isOk())),
                    "$.items[*].campaignId")).doesNotContain((int) campaignA);
        }

        @Test
        void aFollowsItsStatsStreamOverHttpWithItsApiKey() throws Exception {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + port + "/api/v1/campaigns/" + campaignA + "/stats/stream"))
                            .header(TestCredentials.API_KEY_HEADER, keyA).header("Accept", "text/event-stream")
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(response.statusCode()).isEqualTo(200);
            try (Stream<String> lines = response.body()) {
                String firstEvent = CompletableFuture.supplyAsync(() -> lines.filter(line -> line.startsWith("event:"))
                        .findFirst().orElse("")).get(15, TimeUnit.SECONDS);
                assertThat(firstEvent).isEqualTo("event:stats");
            }
        }

        @Test
        void aManagerCreatesCampaignsOfItsOwnTenantOnlyAndNamingAnotherIsA400() throws Exception {
            long own = created(managerB.post("/api/v1/campaigns", """
                    {"name": "b's", "caps": 5, "maxConcurrency": 5}"""));
            assertThat(JsonPath.<String>read(body(managerB.get("/api/v1/campaigns/" + own)), "$.campaign.tenant"))
                    .isEqualTo(tenantB);

            long before = campaignsOf(tenantA);
            managerB.post("/api/v1/campaigns", """
                            {"name": "into a", "caps": 5, "maxConcurrency": 5, "tenant": "%s"}""".formatted(tenantA))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("tenant"));
            assertThat(campaignsOf(tenantA)).isEqualTo(before);
        }
    }

    @Nested
    class Resources {

        private AdminApi.Named poolA;
        private String fsNodeA;
        private String lineA;

        @BeforeEach
        void aDedicatedPoolOfAWithANodeAndALine() throws Exception {
            poolA = admin.pool(tenantA);
            fsNodeA = admin.fsNode(poolA.name(), 1, "ClueCon");
            admin.patch("/api/v1/fs-nodes/" + fsNodeA, "{\"enabled\": false}").andExpect(status().isOk());
            lineA = admin.line(poolA.name(), "gw-a", 5);
        }

        @Test
        void aSeesItsDedicatedPoolNodesAndLinesWithoutTheEslPassword() throws Exception {
            managerA.get("/api/v1/pools/" + poolA.id()).andExpect(status().isOk());
            String node = body(managerA.get("/api/v1/fs-nodes/" + fsNodeA).andExpect(status().isOk()));
            assertThat(node).doesNotContain("ClueCon").doesNotContain("eslPassword");
            managerA.get("/api/v1/lines/" + lineA).andExpect(status().isOk());
            assertThat(body(managerA.get("/api/v1/fs-nodes"))).contains(fsNodeA);
        }

        @Test
        void bNeitherSeesNorUsesAsDedicatedPool() throws Exception {
            managerB.get("/api/v1/pools/" + poolA.id()).andExpect(status().isNotFound());
            assertThat(JsonPath.<List<Integer>>read(body(managerB.get("/api/v1/pools")), "$[*].id"))
                    .doesNotContain((int) poolA.id());
            long before = jdbc.sql("select count(*) from campaigns where pool_id = ?").param(poolA.id())
                    .query(Long.class).single();
            managerB.post("/api/v1/campaigns", """
                    {"name": "on a's pool", "caps": 5, "maxConcurrency": 5, "pool": "%s"}""".formatted(poolA.name()))
                    .andExpect(status().isConflict());
            assertThat(jdbc.sql("select count(*) from campaigns where pool_id = ?").param(poolA.id())
                    .query(Long.class).single()).isEqualTo(before);
        }

        @Test
        void bSeesNeitherAsFsNodesNorLines() throws Exception {
            managerB.get("/api/v1/fs-nodes/" + fsNodeA).andExpect(status().isNotFound());
            managerB.get("/api/v1/lines/" + lineA).andExpect(status().isNotFound());
            assertThat(body(managerB.get("/api/v1/fs-nodes").andExpect(status().isOk()))).doesNotContain(fsNodeA);
            assertThat(body(managerB.get("/api/v1/lines").andExpect(status().isOk()))).doesNotContain(lineA);
        }

        @Test
        void bSeesOnlyItsOwnTenant() throws Exception {
            List<String> names = JsonPath.read(body(managerB.get("/api/v1/tenants")), "$[*].name");
            assertThat(names).containsExactly(tenantB);
            long idOfA = jdbc.sql("select id from tenants where name = ?").param(tenantA).query(Long.class).single();
            managerB.get("/api/v1/tenants/" + idOfA).andExpect(status().isNotFound());
        }
    }

    private Map<String, Object> state(long campaign) {
        return jdbc.sql("""
                        select c.status, c.caps, c.max_concurrency, c.weight, c.input_closed, c.workflow_id, c.updated_at,
                               (select count(*) from call_tasks t where t.campaign_id = c.id) as tasks,
                               (select count(*) from call_tasks t where t.campaign_id = c.id and t.status = 'QUEUED') as queued
                        from campaigns c where c.id = ?""")
                .param(campaign).query().singleRow();
    }

    private long campaignsOf(String tenant) {
        return jdbc.sql("select count(*) from campaigns c join tenants t on t.id = c.tenant_id where t.name = ?")
                .param(tenant).query(Long.class).single();
    }

    private static void notFound(ResultActions result) throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:not-found"));
    }

    private static long created(ResultActions result) throws Exception {
        return ((Number) JsonPath.read(body(result.andExpect(status().isCreated())), "$.id")).longValue();
    }

    private static String body(ResultActions result) throws Exception {
        return result.andReturn().getResponse().getContentAsString();
    }
}
