package io.outdial.app.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Systems authenticate with API keys: shown once, stored as a hash, revoked at once. */
@DevModeTest
class ApiKeyApiTest {

    private final AdminApi admin;
    private final JdbcClient jdbc;

    @Autowired
    ApiKeyApiTest(MockMvc mvc, JdbcClient jdbc) {
        this.admin = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @Test
    void aNewKeyIsShownOnceAndTheDatabaseHoldsOnlyItsHash() throws Exception {
        String tenant = admin.tenant();
        String body = admin.post("/api/v1/api-keys", """
                        {"name": "crm-sync", "role": "MANAGER", "tenant": "%s"}""".formatted(tenant))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.role").value("MANAGER"))
                .andExpect(jsonPath("$.tenant").value(tenant))
                .andReturn().getResponse().getContentAsString();
        String key = JsonPath.read(body, "$.key");
        String prefix = JsonPath.read(body, "$.prefix");
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();
        assertThat(key).matches("od_[a-z0-9]{8}_[A-Za-z0-9]{32,}").startsWith("od_" + prefix + "_");

        String listed = admin.get("/api/v1/api-keys").andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).contains(prefix).doesNotContain(key);
        admin.get("/api/v1/api-keys/" + id).andExpect(jsonPath("$.key").doesNotExist())
                .andExpect(jsonPath("$.prefix").value(prefix));

        String secret = key.substring(("od_" + prefix + "_").length());
        List<String> stored = jdbc.sql("select row_to_json(k)::text from api_keys k").query(String.class).list();
        assertThat(stored).noneMatch(row -> row.contains(secret));
        assertThat(jdbc.sql("select key_hash from api_keys where id = ?").param(id).query(String.class).single())
                .isEqualTo(sha256(key));
    }

    @Test
    void aKeyAuthenticatesItsTenantAndRoleAndARevokedKeyIsA401AtOnce() throws Exception {
        String tenant = admin.tenant();
        String key = admin.apiKey(tenant, "VIEWER");
        admin.as(key).get("/api/v1/auth/me").andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("VIEWER"))
                .andExpect(jsonPath("$.tenant").value(tenant));
        long id = idOf(key);
        assertThat(jdbc.sql("select last_used_at is not null from api_keys where id = ?").param(id)
                .query(Boolean.class).single()).as("last use recorded").isTrue();

        admin.delete("/api/v1/api-keys/" + id).andExpect(status().isOk())
                .andExpect(jsonPath("$.revokedAt").isNotEmpty());

        admin.as(key).get("/api/v1/auth/me").andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:unauthenticated"));
        admin.as(key).get("/api/v1/campaigns").andExpect(status().isUnauthorized());
    }

    @Test
    void aTenantAdministratorManagesOnlyItsOwnTenantsKeysAndUsers() throws Exception {
        String mine = admin.tenant();
        String other = admin.tenant();
        AdminApi tenantAdmin = admin.as(admin.apiKey(mine, "ADMIN"));
        long othersKey = idOf(admin.apiKey(other, "MANAGER"));

        String created = tenantAdmin.post("/api/v1/api-keys", "{\"name\": \"batch\", \"role\": \"MANAGER\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tenant").value(mine))
                .andReturn().getResponse().getContentAsString();
        tenantAdmin.post("/api/v1/api-keys", """
                        {"name": "sneaky", "role": "ADMIN", "tenant": "%s"}""".formatted(other))
                .andExpect(status().isBadRequest());
        tenantAdmin.get("/api/v1/api-keys/" + othersKey).andExpect(status().isNotFound());
        tenantAdmin.delete("/api/v1/api-keys/" + othersKey).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select revoked_at is null from api_keys where id = ?").param(othersKey)
                .query(Boolean.class).single()).isTrue();

        List<Map<String, Object>> listed = JsonPath.read(tenantAdmin.get("/api/v1/api-keys")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
        assertThat(listed).isNotEmpty().allSatisfy(key -> assertThat(key.get("tenant")).isEqualTo(mine));
        assertThat(listed).extracting(key -> key.get("prefix")).contains((Object) JsonPath.read(created, "$.prefix"));

        tenantAdmin.post("/api/v1/users", """
                        {"username": "%s", "password": "long enough password", "role": "VIEWER", "tenant": "%s"}"""
                        .formatted(AdminApi.unique("u"), other))
                .andExpect(status().isBadRequest());
        List<Map<String, Object>> users = JsonPath.read(tenantAdmin.get("/api/v1/users")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$");
        assertThat(users).allSatisfy(user -> assertThat(user.get("tenant")).isEqualTo(mine));
    }

    @Test
    void onlyAPlatformAdministratorCreatesPlatformAccountsAndThoseAreAdmins() throws Exception {
        admin.post("/api/v1/api-keys", "{\"name\": \"ops\", \"role\": \"MANAGER\"}")
                .andExpect(status().isBadRequest());
        admin.post("/api/v1/users", """
                        {"username": "%s", "password": "long enough password", "role": "VIEWER"}"""
                        .formatted(AdminApi.unique("u")))
                .andExpect(status().isBadRequest());
        admin.post("/api/v1/api-keys", "{\"name\": \"ops\", \"role\": \"ADMIN\"}")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.tenant").doesNotExist());
    }

    private long idOf(String key) {
        return jdbc.sql("select id from api_keys where prefix = ?").param(key.substring(3, 11))
                .query(Long.class).single();
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.US_ASCII)));
    }
}
