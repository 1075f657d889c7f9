package io.outdial.app.fsnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.fssim.FsSim;
import io.outdial.fssim.SimConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** FS node health through the API, with this app node as the only worker. */
@DevModeTest
class FsHealthApiTest {

    private static final String PASSWORD = "He4lth-pw";

    private final AdminApi api;
    private final TestRestTemplate http;

    @Autowired
    FsHealthApiTest(MockMvc mvc, TestRestTemplate http) {
        this.api = new AdminApi(mvc);
        this.http = http;
    }

    @Test
    void aCrashedNodeShowsAsEvictedWithItsReasonAndVotesAndAsHealthyAgainAfterItsRestart() throws Exception {
        try (FsSim sim = FsSim.start(SimConfig.defaults().withNodes(1).withPassword(PASSWORD))) {
            String pool = api.pool(null).name();
            String id = api.fsNode(pool, sim.eslPort("fs1"), PASSWORD);
            String path = "/api/v1/fs-nodes/" + id;
            await().atMost(Duration.ofSeconds(10)).until(() -> votedReachable(path, true));
            api.get(path).andExpect(jsonPath("$.health.state").value("HEALTHY"))
                    .andExpect(jsonPath("$.health.votes[*].worker").value(hasItem("test-node")));

            long crashedAt = System.nanoTime();
            sim.crashNode("fs1");

            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "EVICTED".equals(field(path, "$.health.state")));
            System.out.printf("API: FS crash detected and %s evicted %d ms after the fault%n", id,
                    Duration.ofNanos(System.nanoTime() - crashedAt).toMillis());
            api.get(path).andExpect(jsonPath("$.evictedUntil").isNotEmpty())
                    .andExpect(jsonPath("$.health.reason").value("unreachable from 1 of 1 live workers"))
                    .andExpect(jsonPath("$.health.since").isNotEmpty())
                    .andExpect(jsonPath("$.health.votes[0].reachable").value(false));
            assertThat(http.getForObject("/actuator/prometheus", String.class))
                    .contains("outdial_fs_node_healthy{fs_node=\"" + id + "\"} 0.0")
                    .contains("outdial_fs_node_evictions_total{fs_node=\"" + id + "\"} 1.0");

            sim.restartNode("fs1");

            // the ESL link reconnects with up to 10 s of backoff, then the next link watch votes
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> "HEALTHY".equals(field(path, "$.health.state")));
            api.get(path).andExpect(jsonPath("$.evictedUntil").isEmpty())
                    .andExpect(jsonPath("$.health.reason").value("reachable from 1 of 1 live workers"));
            api.delete(path).andExpect(status().isNoContent());
        }
    }

    private boolean votedReachable(String path, boolean reachable) throws Exception {
        String body = api.get(path).andReturn().getResponse().getContentAsString();
        return JsonPath.<java.util.List<Boolean>>read(body, "$.health.votes[*].reachable").contains(reachable);
    }

    private String field(String path, String jsonPath) throws Exception {
        return JsonPath.read(api.get(path).andReturn().getResponse().getContentAsString(), jsonPath);
    }
}
