package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** A campaign's re-attempt policy: set at creation, changed with PATCH, shown by GET, stored where calls read it. */
@DevModeTest
class CampaignReattemptPolicyTest {

    private final AdminApi api;
    private final JdbcClient jdbc;

    @Autowired
    CampaignReattemptPolicyTest(MockMvc mvc, JdbcClient jdbc) {
        this.api = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @Test
    void aNewCampaignCallsEachTaskOnceUnlessToldOtherwise() throws Exception {
        long plain = created("{\"name\": \"once\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.get("/api/v1/campaigns/" + plain)
                .andExpect(jsonPath("$.campaign.maxAttempts").value(1))
                .andExpect(jsonPath("$.campaign.reattemptDelaySeconds").value(300));

        long persistent = created("""
                {"name": "again", "caps": 5, "maxConcurrency": 5, "maxAttempts": 3, "reattemptDelaySeconds": 600}""");
        api.get("/api/v1/campaigns/" + persistent)
                .andExpect(jsonPath("$.campaign.maxAttempts").value(3))
                .andExpect(jsonPath("$.campaign.reattemptDelaySeconds").value(600));
        assertThat(jdbc.sql("select max_attempts || ':' || reattempt_delay_seconds from campaigns where id = ?")
                .param(persistent).query(String.class).single()).isEqualTo("3:600");
    }

    @Test
    void aPolicyOutOfRangeIsRejectedNamingTheField() throws Exception {
        api.post("/api/v1/campaigns", """
                {"name": "bad", "caps": 5, "maxConcurrency": 5, "maxAttempts": 11, "reattemptDelaySeconds": 0}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'maxAttempts')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'reattemptDelaySeconds')]").exists());

        long id = created("{\"name\": \"patch me\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.patch("/api/v1/campaigns/" + id, "{\"maxAttempts\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("maxAttempts"));
        api.patch("/api/v1/campaigns/" + id, "{\"reattemptDelaySeconds\": 86401}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reattemptDelaySeconds"));
    }

    @Test
    void thePolicyChangesWithPatchAndKeepsWhatIsNotSent() throws Exception {
        long id = created("""
                {"name": "tuned later", "caps": 5, "maxConcurrency": 5, "reattemptDelaySeconds": 60}""");

        api.patch("/api/v1/campaigns/" + id, "{\"maxAttempts\": 4}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxAttempts").value(4))
                .andExpect(jsonPath("$.reattemptDelaySeconds").value(60))
                .andExpect(jsonPath("$.weight").value(1));
        api.patch("/api/v1/campaigns/" + id, "{\"reattemptDelaySeconds\": 1}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.maxAttempts").value(4))
                .andExpect(jsonPath("$.reattemptDelaySeconds").value(1));
    }

    private long created(String json) throws Exception {
        String body = api.post("/api/v1/campaigns", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
