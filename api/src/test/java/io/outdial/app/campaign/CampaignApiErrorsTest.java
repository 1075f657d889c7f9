package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** What a client sees when it sends something wrong: RFC 9457 problem details, nothing half done. */
@DevModeTest
class CampaignApiErrorsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void malformedJsonIsA400ProblemDetail() throws Exception {
        send(post("/api/v1/campaigns"), "{\"name\": \"x\", \"caps\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(400))
                .andExpect(jsonPath("$.title").value("Malformed request body"));
    }

    @Test
    void aMissingRequiredFieldIsNamed() throws Exception {
        send(post("/api/v1/campaigns"), "{\"name\": \"no pacing\", \"maxConcurrency\": 5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("caps")));
    }

    @Test
    void anInvalidPhoneNumberRejectsTheWholeBatchNamingItsIndexWithoutEchoingIt() throws Exception {
        long id = createCampaign();
        send(post("/api/v1/campaigns/" + id + "/tasks"), """
                {"tasks": [{"phoneNumber": "+1 555 010 0001"},
                           {"phoneNumber": "+1555010000\\r\\nbgapi hupall"},
                           {"phoneNumber": "+15550100003"}],
                 "last": true}""")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("tasks[1].phoneNumber"))
                .andExpect(content().string(not(containsString("555010000"))));

        long tasks = jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(id).query(Long.class).single();
        assertThat(tasks).as("tasks inserted from a rejected batch").isZero();
        boolean inputClosed = jdbc.sql("select input_closed from campaigns where id = ?").param(id)
                .query(Boolean.class).single();
        assertThat(inputClosed).as("a rejected batch does not close the input").isFalse();
    }

    @Test
    void anUnknownCampaignIsA404() throws Exception {
        mvc.perform(get("/api/v1/campaigns/987654321"))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(404));
        send(post("/api/v1/campaigns/987654321/tasks"), "{\"tasks\": [{\"phoneNumber\": \"5550100\"}]}")
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/campaigns/987654321/start")).andExpect(status().isNotFound());
    }

    @Test
    void aPacingChangeToZeroCapsIsA400() throws Exception {
        long id = createCampaign();
        send(patch("/api/v1/campaigns/" + id + "/pacing"), "{\"caps\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caps"));
    }

    @Test
    void startingACampaignTwiceIsA409() throws Exception {
        long id = createCampaign(); // no tasks and an open input: it runs without dialing anything
        mvc.perform(post("/api/v1/campaigns/" + id + "/start")).andExpect(status().isAccepted());
        try {
            mvc.perform(post("/api/v1/campaigns/" + id + "/start"))
                    .andExpect(status().isConflict())
                    .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        } finally {
            mvc.perform(post("/api/v1/campaigns/" + id + "/cancel")).andExpect(status().isAccepted());
        }
    }

    private long createCampaign() throws Exception {
        String body = send(post("/api/v1/campaigns"), "{\"name\": \"errors\", \"caps\": 5, \"maxConcurrency\": 5}")
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(body, "$.id")).longValue();
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
                               String json) throws Exception {
        return mvc.perform(request.contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
