package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The observer API over real HTTP reports what the simulator received and takes fault commands. */
class ObserverApiTest {

    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final ObjectMapper json = new ObjectMapper();
    FsSim sim;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withScripted(Map.of(
                "15550006666", ScriptedCall.answer(10, 10),
                "15550007777", ScriptedCall.busy(10))));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void statsReportOriginatesNumbersCommandsAndOutcomes() throws Exception {
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("filter Event-Name CHANNEL_HANGUP_COMPLETE");
            c.command("event plain CHANNEL_HANGUP_COMPLETE");
            c.command("api status");
            for (String number : new String[] {"15550006666", "15550006666", "15550007777"}) {
                c.command("bgapi originate {origination_uuid=" + number + "-" + System.nanoTime()
                        + "}sofia/gateway/gw1/" + number + " &park()");
                c.readUntil(f -> eventName(f).equals("CHANNEL_HANGUP_COMPLETE"));
            }
        }

        HttpResponse<String> response = get("/sim/stats");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
        JsonNode stats = json.readTree(response.body());
        assertThat(stats.get("originates").asLong()).isEqualTo(3);
        assertThat(stats.at("/dialsPerNumber/15550006666").asLong()).isEqualTo(2);
        assertThat(stats.get("numbersDialedMoreThanOnce").asLong()).isEqualTo(1);
        long perSecondTotal = 0;
        for (JsonNode n : stats.at("/originatesPerGatewayPerSecond/gw1")) {
            perSecondTotal += n.asLong();
        }
        assertThat(perSecondTotal).isEqualTo(3);
        assertThat(stats.at("/maxOriginatesInAnySecond/gw1").asLong()).isBetween(1L, 3L);
        assertThat(stats.at("/gatewayCaps/gw2").asInt()).isEqualTo(10);
        assertThat(stats.at("/currentCalls/fs1").asInt()).isZero();
        assertThat(stats.at("/currentCalls/fs2").asInt()).isZero();
        JsonNode fs1 = stats.at("/commands/fs1");
        assertThat(fs1.get("auth").asLong()).isEqualTo(1);
        assertThat(fs1.get("filter").asLong()).isEqualTo(1);
        assertThat(fs1.get("event").asLong()).isEqualTo(1);
        assertThat(fs1.get("api status").asLong()).isEqualTo(1);
        assertThat(fs1.get("bgapi originate").asLong()).isEqualTo(3);
        assertThat(stats.at("/outcomes/NORMAL_CLEARING").asLong()).isEqualTo(2);
        assertThat(stats.at("/outcomes/USER_BUSY").asLong()).isEqualTo(1);
        assertThat(stats.get("answered").asLong()).isEqualTo(2);
    }

    @Test
    void statsCountOriginatesPerCampaignFromTheCampaignIdChannelVariable() throws Exception {
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("filter Event-Name CHANNEL_HANGUP_COMPLETE");
            c.command("event plain CHANNEL_HANGUP_COMPLETE");
            for (String campaign : new String[] {"7", "7", "8", ""}) {
                String var = campaign.isEmpty() ? "" : ",campaign_id=" + campaign;
                c.command("bgapi originate {origination_uuid=c" + System.nanoTime() + var
                        + "}sofia/gateway/gw1/15550006666 &park()");
                c.readUntil(f -> eventName(f).equals("CHANNEL_HANGUP_COMPLETE"));
            }
        }

        JsonNode stats = json.readTree(get("/sim/stats").body());

        assertThat(stats.get("originates").asLong()).isEqualTo(4);
        assertThat(stats.get("originatesPerCampaign").properties()).hasSize(2);
        assertThat(stats.at("/originatesPerCampaign/7").asLong()).isEqualTo(2);
        assertThat(stats.at("/originatesPerCampaign/8").asLong()).isEqualTo(1);
    }

    @Test
    void resetClearsTheCounters() throws Exception {
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs2"))) {
            c.command("api status");
        }
        assertThat(post("/sim/reset").statusCode()).isEqualTo(200);
        JsonNode stats = json.readTree(get("/sim/stats").body());
        assertThat(stats.get("originates").asLong()).isZero();
        assertThat(stats.get("commands").size()).isZero();
    }

    @Test
    void gatewayCanBeTakenDownAndUpOverHttp() throws Exception {
        assertThat(post("/sim/gateways/gw1/down").statusCode()).isEqualTo(200);
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain BACKGROUND_JOB");
            c.command("bgapi originate {origination_uuid=d1}sofia/gateway/gw1/15550006666 &park()");
            assertThat(c.readFrame()).endsWith("\n\n-ERR GATEWAY_DOWN\n");
            assertThat(post("/sim/gateways/gw1/up").statusCode()).isEqualTo(200);
            c.command("bgapi originate {origination_uuid=d2}sofia/gateway/gw1/15550006666 &park()");
            assertThat(c.readFrame()).endsWith("\n\n+OK d2\n");
        }
        assertThat(post("/sim/gateways/nope/down").statusCode()).isEqualTo(404);
        assertThat(get("/sim/nothing").statusCode()).isEqualTo(404);
    }

    @Test
    void gatewaysCarrierCanAnswerEveryInviteWith503UntilItRecovers() throws Exception {
        assertThat(post("/sim/gateways/gw1/fail-503").statusCode()).isEqualTo(200);
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain BACKGROUND_JOB CHANNEL_HANGUP_COMPLETE");
            c.command("bgapi originate {origination_uuid=r1}sofia/gateway/gw1/15550006666 &park()");
            String hangup = c.readUntil(f -> eventName(f).equals("CHANNEL_HANGUP_COMPLETE"));
            assertThat(hangup).contains("Hangup-Cause: NORMAL_TEMPORARY_FAILURE")
                    .contains("variable_sip_term_status: 503");
            c.command("bgapi originate {origination_uuid=r2}sofia/gateway/gw2/15550006666 &park()");
            assertThat(c.readUntil(f -> eventName(f).equals("BACKGROUND_JOB"))).endsWith("\n\n+OK r2\n");

            assertThat(post("/sim/gateways/gw1/recover").statusCode()).isEqualTo(200);
            c.command("bgapi originate {origination_uuid=r3}sofia/gateway/gw1/15550006666 &park()");
            assertThat(c.readUntil(f -> eventName(f).equals("BACKGROUND_JOB") && f.contains("r3")))
                    .endsWith("\n\n+OK r3\n");
        }
        assertThat(sim.stats().outcomes()).containsEntry("NORMAL_TEMPORARY_FAILURE", 1L);
        assertThat(post("/sim/gateways/nope/fail-503").statusCode()).isEqualTo(404);
    }

    @Test
    void crashedNodeDropsItsConnectionsAndCallsAndCanRestart() throws Exception {
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain CHANNEL_ANSWER");
            c.command("bgapi originate {origination_uuid=c1}sofia/gateway/gw1/15550008888 &park()");
            await().atMost(Duration.ofSeconds(5)).until(() -> sim.stats().currentCalls().get("fs1") == 1);

            assertThat(post("/sim/nodes/fs1/crash").statusCode()).isEqualTo(200);

            assertThat(c.closedByServer()).isTrue();
            assertThat(sim.stats().currentCalls()).containsEntry("fs1", 0);
        }
        assertThat(post("/sim/nodes/fs1/restart").statusCode()).isEqualTo(200);
        assertThat(post("/sim/nodes/fs1/restart").statusCode()).isEqualTo(409);
        try (EslTestClient again = EslTestClient.login(sim.eslPort("fs1"))) {
            assertThat(again.command("api show calls count")).endsWith("\n0 total.\n");
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + sim.httpPort() + path);
    }
}
