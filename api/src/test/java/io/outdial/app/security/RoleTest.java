package io.outdial.app.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** What each role may do: viewers and support read, managers steer campaigns, only platform admins change resources. */
@DevModeTest
class RoleTest {

    private final AdminApi admin;
    private final JdbcClient jdbc;
    private String tenant;
    private String sharedPool;
    private long campaign;

    @Autowired
    RoleTest(MockMvc mvc, JdbcClient jdbc) {
        this.admin = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @BeforeEach
    void aTenantWithACampaign() throws Exception {
        tenant = admin.tenant();
        sharedPool = admin.pool(null).name();
        campaign = admin.campaign(tenant, sharedPool, 5, 5);
    }

    @ParameterizedTest
    @ValueSource(strings = {"VIEWER", "SUPPORT"})
    void viewersAndSupportReadCampaignsButChangeNothing(String role) throws Exception {
        AdminApi reader = admin.as(admin.apiKey(tenant, role));
        reader.get("/api/v1/campaigns").andExpect(status().isOk());
        reader.get("/api/v1/campaigns/" + campaign).andExpect(status().isOk());

        forbidden(reader.post("/api/v1/campaigns", """
                {"name": "no", "caps": 5, "maxConcurrency": 5, "pool": "%s"}""".formatted(sharedPool)));
        forbidden(reader.post("/api/v1/campaigns/" + campaign + "/start"));
        forbidden(reader.patch("/api/v1/campaigns/" + campaign + "/pacing", "{\"caps\": 1}"));
        forbidden(reader.post("/api/v1/campaigns/" + campaign + "/tasks", "{\"tasks\": [{\"phoneNumber\": \"+14155550111\"}]}"));
        forbidden(reader.get("/api/v1/api-keys"));
        forbidden(reader.get("/api/v1/users"));
        assertThat(jdbc.sql("select status from campaigns where id = ?").param(campaign).query(String.class).single())
                .isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(campaign)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aManagerSteersCampaignsButCreatesNoTenantsPoolsFsNodesOrLines() throws Exception {
        AdminApi manager = admin.as(admin.apiKey(tenant, "MANAGER"));
        manager.patch("/api/v1/campaigns/" + campaign + "/pacing", "{\"caps\": 2}").andExpect(status().isOk());

        forbidden(manager.post("/api/v1/tenants", "{\"name\": \"" + AdminApi.unique("t") + "\"}"));
        forbidden(manager.post("/api/v1/pools", "{\"name\": \"" + AdminApi.unique("p") + "\"}"));
        forbidden(manager.post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "%s", "eslHost": "127.0.0.1", "eslPort": 8021, "eslPassword": "ClueCon",
                 "maxSessions": 10, "caps": 10}""".formatted(AdminApi.unique("fs"), sharedPool)));
        forbidden(manager.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw", "caps": 5, "maxConcurrency": 5}"""
                .formatted(AdminApi.unique("line"), sharedPool)));
        forbidden(manager.post("/api/v1/api-keys", "{\"name\": \"mine\", \"role\": \"ADMIN\"}"));
    }

    @Test
    void aTenantAdministratorManagesItsAccountsButNotThePlatform() throws Exception {
        AdminApi tenantAdmin = admin.as(admin.apiKey(tenant, "ADMIN"));
        String id = AdminApi.unique("fs");
        forbidden(tenantAdmin.post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "%s", "eslHost": "127.0.0.1", "eslPort": 8021, "eslPassword": "ClueCon",
                 "maxSessions": 10, "caps": 10}""".formatted(id, sharedPool)));
        forbidden(tenantAdmin.post("/api/v1/pools", "{\"name\": \"" + AdminApi.unique("p") + "\", \"tenant\": \"" + tenant + "\"}"));
        forbidden(tenantAdmin.patch("/api/v1/pools/" + admin.pool(tenant).id(), "{\"shared\": true}"));
        assertThat(jdbc.sql("select count(*) from fs_nodes where id = ?").param(id).query(Long.class).single()).isZero();

        String user = tenantAdmin.post("/api/v1/users", """
                        {"username": "%s", "password": "long enough password", "role": "VIEWER"}"""
                        .formatted(AdminApi.unique("viewer")))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tenant").value(tenant))
                .andReturn().getResponse().getContentAsString();
        long userId = ((Number) JsonPath.read(user, "$.id")).longValue();
        tenantAdmin.patch("/api/v1/users/" + userId, "{\"role\": \"SUPPORT\"}").andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("SUPPORT"));
    }

    private static void forbidden(ResultActions result) throws Exception {
        result.andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:forbidden"));
    }
}
