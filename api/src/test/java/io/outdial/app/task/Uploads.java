package io.outdial.app.task;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Task uploads as the tests send them, and what they left in PostgreSQL. */
final class Uploads {

    private final MockMvc mvc;
    private final JdbcClient jdbc;
    private final AdminApi api;

    Uploads(MockMvc mvc, JdbcClient jdbc) {
        this.mvc = mvc;
        this.jdbc = jdbc;
        this.api = new AdminApi(mvc);
    }

    /** A DRAFT campaign of a fresh tenant (default region US) on a fresh shared pool. */
    long campaign() throws Exception {
        return api.campaign(api.tenant(), api.pool(null).name(), 5, 5);
    }

    /** A DRAFT campaign of a fresh tenant whose default region is {@code region}. */
    long campaignInRegion(String region) throws Exception {
        String tenant = AdminApi.unique("tenant");
        api.post("/api/v1/tenants", "{\"name\": \"%s\", \"defaultRegion\": \"%s\"}".formatted(tenant, region))
                .andExpect(status().isCreated());
        return api.campaign(tenant, api.pool(null).name(), 5, 5);
    }

    ResultActions csv(long campaign, String query, String body) throws Exception {
        return csv(campaign, query, body.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    ResultActions csv(long campaign, String query, byte[] body, String contentType) throws Exception {
        var request = MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/tasks" + query).content(body);
        if (contentType != null) {
            request.contentType(contentType);
        }
        return mvc.perform(request);
    }

    ResultActions json(long campaign, String query, String body) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/tasks" + query)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    /** The campaign's tasks, in id order. */
    List<Task> tasks(long campaign) {
        return jdbc.sql("select id, phone_number, external_id, external_ref from call_tasks where campaign_id = ? order by id")
                .param(campaign)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    long taskCount(long campaign) {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(campaign)
                .query(Long.class).single();
    }

    boolean inputClosed(long campaign) {
        return jdbc.sql("select input_closed from campaigns where id = ?").param(campaign).query(Boolean.class).single();
    }

    record Task(long id, String phoneNumber, String externalId, String externalRef) {
    }
}
