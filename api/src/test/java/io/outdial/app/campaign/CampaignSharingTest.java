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

/** A campaign's weight, selection strategy and pool: set at creation, changed with PATCH, stored where rounds read them. */
@DevModeTest
class CampaignSharingTest {

    private final AdminApi api;
    private final JdbcClient jdbc;

    @Autowired
    CampaignSharingTest(MockMvc mvc, JdbcClient jdbc) {
        this.api = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @Test
    void aNewCampaignHasWeightOneAndRoundRobinUnlessToldOtherwise() throws Exception {
        long plain = created("{\"name\": \"plain\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.get("/api/v1/campaigns/" + plain)
                .andExpect(jsonPath("$.campaign.weight").value(1))
                .andExpect(jsonPath("$.campaign.strategy").value("ROUND_ROBIN"));

        long tuned = created("""
                {"name": "tuned", "caps": 5, "maxConcurrency": 5, "weight": 40, "strategy": "BEST_CONNECT_RATE"}""");
        assertThat(jdbc.sql("select weight || ':' || strategy from campaigns where id = ?").param(tuned)
                .query(String.class).single()).isEqualTo("40:BEST_CONNECT_RATE");
    }

    @Test
    void anInvalidWeightOrStrategyIsRejectedNamingTheField() throws Exception {
        api.post("/api/v1/campaigns", """
                {"name": "bad", "caps": 5, "maxConcurrency": 5, "weight": 1001, "strategy": "FASTEST"}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[?(@.field == 'weight')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'strategy')]").exists());

        long id = created("{\"name\": \"patch me\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.patch("/api/v1/campaigns/" + id, "{\"weight\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("weight"));
        api.patch("/api/v1/campaigns/" + id, "{}")
                .andExpect(status().isBadRequest());
    }

    @Test
    void aDraftsWeightStrategyAndPoolChangeInPostgres() throws Exception {
        String tenant = api.tenant();
        AdminApi.Named own = api.pool(tenant);
        long id = api.campaign(tenant, api.pool(null).name(), 5, 5);

        api.patch("/api/v1/campaigns/" + id, """
                {"weight": 9, "strategy": "RANDOM", "pool": "%s"}""".formatted(own.name()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.weight").value(9))
                .andExpect(jsonPath("$.strategy").value("RANDOM"))
                .andExpect(jsonPath("$.pool").value(own.name()));
        assertThat(jdbc.sql("select pool_id from campaigns where id = ?").param(id).query(Long.class).single())
                .isEqualTo(own.id());
    }

    @Test
    void anUnknownPoolIsA400AndAnUnknownCampaignA404() throws Exception {
        long id = created("{\"name\": \"nowhere\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.patch("/api/v1/campaigns/" + id, "{\"pool\": \"no-such-pool\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pool"));
        api.patch("/api/v1/campaigns/987654321", "{\"weight\": 2}").andExpect(status().isNotFound());
    }

    @Test
    void anEndedCampaignCannotBeChanged() throws Exception {
        long id = created("{\"name\": \"ended\", \"caps\": 5, \"maxConcurrency\": 5}");
        api.post("/api/v1/campaigns/" + id + "/cancel", "").andExpect(status().isAccepted());
        api.patch("/api/v1/campaigns/" + id, "{\"weight\": 2}").andExpect(status().isConflict());
    }

    private long created(String json) throws Exception {
        String body = api.post("/api/v1/campaigns", json).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }
}
