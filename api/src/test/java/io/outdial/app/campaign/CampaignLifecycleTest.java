package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.app.DevModeTest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Steering a running campaign over HTTP: the signals and the pacing update reach its workflow and show
 * in its progress. The campaign has no tasks, so nothing is dialed.
 */
@DevModeTest
class CampaignLifecycleTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);

    @Autowired
    TestRestTemplate http;

    @Test
    void pausesResumesRepacesAndCompletesARunningCampaign() {
        long id = http.postForObject("/api/v1/campaigns",
                Map.of("name", "lifecycle", "caps", 3, "maxConcurrency", 4), JsonNode.class).get("id").asLong();
        assertThat(post(id, "start").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(campaign(id).at("/progress/status").asText()).isEqualTo("RUNNING"));

        assertThat(post(id, "pause").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(campaign(id).at("/progress/status").asText()).isEqualTo("PAUSED"));
        assertThat(post(id, "resume").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(campaign(id).at("/progress/status").asText()).isEqualTo("RUNNING"));

        ResponseEntity<JsonNode> pacing = http.exchange("/api/v1/campaigns/" + id + "/pacing", HttpMethod.PATCH,
                new HttpEntity<>(Map.of("caps", 7)), JsonNode.class);
        assertThat(pacing.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(pacing.getBody().get("caps").asInt()).isEqualTo(7);
        assertThat(pacing.getBody().get("maxConcurrency").asInt()).isEqualTo(4);
        JsonNode afterPacing = campaign(id);
        assertThat(afterPacing.at("/campaign/caps").asInt()).isEqualTo(7);
        assertThat(afterPacing.at("/progress/pacing/caps").asInt()).isEqualTo(7);

        assertThat(post(id, "close-input").getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(DEADLINE).untilAsserted(() ->
                assertThat(campaign(id).at("/campaign/status").asText()).isEqualTo("COMPLETED"));

        ResponseEntity<JsonNode> late = http.exchange("/api/v1/campaigns/" + id + "/pacing", HttpMethod.PATCH,
                new HttpEntity<>(Map.of("caps", 8)), JsonNode.class);
        assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(post(id, "pause").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        JsonNode list = http.getForObject("/api/v1/campaigns", JsonNode.class);
        assertThat(list.findValuesAsText("name")).contains("lifecycle");
    }

    private ResponseEntity<JsonNode> post(long id, String action) {
        return http.postForEntity("/api/v1/campaigns/" + id + "/" + action, null, JsonNode.class);
    }

    private JsonNode campaign(long id) {
        return http.getForObject("/api/v1/campaigns/" + id, JsonNode.class);
    }
}
