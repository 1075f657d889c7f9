package io.outdial.app.line;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.fssim.FsSim;
import io.outdial.fssim.GatewayConfig;
import io.outdial.fssim.SimConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Resources changed through the API while a campaign runs, judged by a FreeSWITCH simulator of the
 * test's own: a pool, FS node and lines created over REST carry the calls, and a line disabled over
 * REST gets no more originates, without restarting the campaign.
 */
@DevModeTest
class LiveLineChangeTest {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String PASSWORD = "L1ve-pw";
    private static final int TASKS = 150;

    private final AdminApi api;
    private final JdbcClient jdbc;

    @Autowired
    LiveLineChangeTest(MockMvc mvc, JdbcClient jdbc) {
        this.api = new AdminApi(mvc);
        this.jdbc = jdbc;
    }

    @Test
    void aRunningCampaignStopsUsingALineDisabledThroughTheApi() throws Exception {
        SimConfig config = SimConfig.defaults().withNodes(1).withPassword(PASSWORD)
                .withGateways(List.of(GatewayConfig.named("live-a"), GatewayConfig.named("live-b")));
        try (FsSim sim = FsSim.start(config)) {
            String tenant = api.tenant();
            String pool = api.pool(tenant).name();
            String node = api.fsNode(pool, sim.eslPort("fs1"), PASSWORD);
            String lineA = api.line(pool, "live-a", 10);
            api.line(pool, "live-b", 10);
            long campaign = api.campaign(tenant, pool, 10, 50);
            addTasks(campaign);
            api.post("/api/v1/campaigns/" + campaign + "/start", "").andExpect(status().isAccepted());
            try {
                await().atMost(DEADLINE).until(() ->
                        originates(sim, "live-a") >= 5 && originates(sim, "live-b") >= 5);

                api.patch("/api/v1/lines/" + lineA, "{\"enabled\": false}")
                        .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
                assertThat(jdbc.sql("select enabled from lines where id = ?").param(lineA).query(Boolean.class).single())
                        .as("what the next round reads").isFalse();

                // let calls released by rounds that began before the change reach the simulator
                long bAtChange = originates(sim, "live-b");
                await().atMost(DEADLINE).until(() -> originates(sim, "live-b") >= bAtChange + 30);
                long aSettled = originates(sim, "live-a");
                long bSettled = originates(sim, "live-b");

                await().atMost(DEADLINE).until(() -> originates(sim, "live-b") >= bSettled + 20);
                assertThat(originates(sim, "live-a")).as("originates through the disabled line's gateway")
                        .isEqualTo(aSettled);

                api.patch("/api/v1/campaigns/" + campaign, "{\"weight\": 7, \"strategy\": \"RANDOM\"}")
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.weight").value(7))
                        .andExpect(jsonPath("$.strategy").value("RANDOM"));
                api.patch("/api/v1/campaigns/" + campaign, "{\"pool\": \"shared\"}").andExpect(status().isConflict());
            } finally {
                api.post("/api/v1/campaigns/" + campaign + "/cancel", "").andExpect(status().isAccepted());
                await().atMost(DEADLINE).until(() -> sim.stats().currentCalls().values().stream()
                        .mapToInt(Integer::intValue).sum() == 0);
                api.patch("/api/v1/fs-nodes/" + node, "{\"enabled\": false}").andExpect(status().isOk());
            }
        }
    }

    private void addTasks(long campaign) throws Exception {
        String tasks = IntStream.range(0, TASKS)
                .mapToObj(i -> "{\"phoneNumber\": \"+1555030%04d\"}".formatted(i))
                .collect(Collectors.joining(", "));
        api.post("/api/v1/campaigns/" + campaign + "/tasks", "{\"tasks\": [" + tasks + "], \"last\": true}")
                .andExpect(status().isCreated());
    }

    private static long originates(FsSim sim, String gateway) {
        Map<Long, Long> perSecond = sim.stats().originatesPerGatewayPerSecond().getOrDefault(gateway, Map.of());
        return perSecond.values().stream().mapToLong(Long::longValue).sum();
    }
}
