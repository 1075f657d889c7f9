package io.outdial.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.app.dev.DevInfrastructure;
import io.outdial.fssim.SimStats;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The hostile-input corpus: values built to change an originate or an ESL frame, to smuggle look-alike
 * digits, to overflow fields or parsers, and requests of the wrong shape. Each gets a 4xx problem document with
 * a stable type that does not echo the value, nothing is stored, and a campaign run afterwards sends
 * FreeSWITCH nothing but the engine's own commands and the originates of the good numbers.
 */
@DevModeTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    /** Phone numbers that must never reach an originate. */
    static Stream<String> hostileNumbers() {
        return Stream.of(
                "+15550100001\r\nbgapi hupall",
                "+15550100001\nexit",
                "+15550100001\r\n\r\napi shutdown",
                "+15550100001 &park()",
                "+15550100001,origination_caller_id_number=666",
                "+15550100001|sofia/gateway/evil/+15550100002",
                "{absolute_codec_string=PCMU}+15550100001",
                "+15550100001}",
                "[leg_timeout=1]+15550100001",
                "${system(rm -rf /)}",
                "$${base_dir}",
                "'+15550100001'",
                "\"+15550100001\"",
                "+15550100001;api hupall",
                "sofia/gateway/gw1/+15550100001",
                "+\u0661\u0665\u0665\u0665\u0660\u0661\u0660\u0660\u0660\u0660\u0661",
                "+\uff11\uff15\uff15\uff15\uff10\uff11\uff10\uff10\uff10\uff10\uff11",
                "+1555O1OOOO1",
                "+1555010000\u0417",
                "+15550100001\u0000",
                "+15550100001\u2028",
                "+15550100001\u200b",
                "\u202e10010105551+",
                "1".repeat(10_000),
                "",
                "   ");
    }

    /** Fields of the resource APIs whose values reach ESL, with values that would break it. */
    static Stream<Arguments> hostileResourceFields() {
        return Stream.of(
                Arguments.of("/api/v1/lines", "gateway", "gw1 evil"),
                Arguments.of("/api/v1/lines", "gateway", "gw1}"),
                Arguments.of("/api/v1/lines", "gateway", "gw1\r\nbgapi hupall"),
                Arguments.of("/api/v1/lines", "callerId", "+1555,origination_caller_id_name=x"),
                Arguments.of("/api/v1/lines", "callerId", "${caller}"),
                Arguments.of("/api/v1/lines", "id", "LINE|1"),
                Arguments.of("/api/v1/lines", "id", "l".repeat(500)),
                Arguments.of("/api/v1/fs-nodes", "id", "fs1,dialer_node=x"),
                Arguments.of("/api/v1/fs-nodes", "eslHost", "127.0.0.1\r\nauth x"),
                Arguments.of("/api/v1/fs-nodes", "eslHost", "h\u0430st.example"),
                Arguments.of("/api/v1/fs-nodes", "eslPassword", "pass word"),
                Arguments.of("/api/v1/fs-nodes", "eslPassword", "pass\r\nexit"),
                Arguments.of("/api/v1/pools", "name", "pool\r\nx"),
                Arguments.of("/api/v1/pools", "name", "{pool}"),
                Arguments.of("/api/v1/tenants", "name", "${jndi:ldap://x}"),
                Arguments.of("/api/v1/tenants", "name", "t".repeat(101)),
                Arguments.of("/api/v1/campaigns", "name", "campaign\r\nInjected: header"),
                Arguments.of("/api/v1/campaigns", "strategy", "ROUND_ROBIN|RANDOM"));
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ObjectMapper json;

    @Autowired
    DevInfrastructure infrastructure;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    private AdminApi api;
    private String pool;

    @org.junit.jupiter.api.BeforeAll
    void resources() throws Exception {
        api = new AdminApi(mvc);
        pool = api.pool(null).name();
    }

    @ParameterizedTest
    @MethodSource("hostileNumbers")
    void aHostilePhoneNumberIsA400NamingItsIndexAndNothingIsAdded(String number) throws Exception {
        long campaign = api.campaign("default", "shared", 5, 5);
        String body = json.writeValueAsString(Map.of("tasks", List.of(Map.of("phoneNumber", "+15550100009"),
                Map.of("phoneNumber", number))));

        MockHttpServletResponse response = perform(MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/tasks"),
                MediaType.APPLICATION_JSON, body);

        assertProblem(response, 400, "urn:outdial:problem:validation");
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.at("/errors/0/field").asText()).isEqualTo("tasks[1].phoneNumber");
        if (number.length() > 4) {
            assertThat(response.getContentAsString()).doesNotContain(number.strip());
        }
        assertThat(tasksOf(campaign)).isZero();
    }

    @ParameterizedTest
    @MethodSource("hostileResourceFields")
    void aHostileValueInAResourceIsA400NamingTheFieldAndNothingIsCreated(String path, String field, String value)
            throws Exception {
        Map<String, Object> resource = new HashMap<>(validResource(path));
        resource.put(field, value);
        long before = rows(path);

        MockHttpServletResponse response = perform(MockMvcRequestBuilders.post(path), MediaType.APPLICATION_JSON,
                json.writeValueAsString(resource));

        assertProblem(response, 400, "urn:outdial:problem:validation");
        assertThat(json.readTree(response.getContentAsString()).at("/errors/0/field").asText()).isEqualTo(field);
        assertThat(response.getContentAsString()).doesNotContain(value);
        assertThat(rows(path)).isEqualTo(before);
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class RequestsOfTheWrongShape {

        @Test
        void wrongContentTypesAre415() throws Exception {
            for (MediaType type : List.of(MediaType.TEXT_PLAIN, MediaType.APPLICATION_XML,
                    MediaType.MULTIPART_FORM_DATA, MediaType.APPLICATION_OCTET_STREAM)) {
                MockHttpServletResponse response = perform(MockMvcRequestBuilders.post("/api/v1/campaigns"), type,
                        "{\"name\": \"x\", \"caps\": 1, \"maxConcurrency\": 1}");
                assertProblem(response, 415, "urn:outdial:problem:unsupported-media-type");
            }
            MockHttpServletResponse none = mvc.perform(MockMvcRequestBuilders.post("/api/v1/campaigns")
                    .content("{\"name\": \"x\", \"caps\": 1, \"maxConcurrency\": 1}")).andReturn().getResponse();
            assertProblem(none, 415, "urn:outdial:problem:unsupported-media-type");
        }

        @Test
        void malformedAndMisEncodedJsonIsA400() throws Exception {
            for (String body : List.of("{\"name\": \"x\", \"caps\": ", "[1, 2", "\"just a string\"", "{\"caps\": \"ten\"}",
                    "{\"name\": \"x\", \"caps\": 1e400, \"maxConcurrency\": 1}", "[".repeat(5_000),
                    "{\"name\": \"\\ud800\", \"caps\": 1, \"maxConcurrency\": 1}")) {
                assertProblem(perform(MockMvcRequestBuilders.post("/api/v1/campaigns"), MediaType.APPLICATION_JSON, body),
                        400, null);
            }
            byte[] latin1 = "{\"name\": \"caf\u00e9\", \"caps\": 1, \"maxConcurrency\": 1}"
                    .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/api/v1/campaigns")
                    .contentType(MediaType.APPLICATION_JSON).content(latin1)).andReturn().getResponse();
            assertProblem(response, 400, "urn:outdial:problem:malformed-body");
        }

        /** Over a real socket: the server answers a declared 100 MB body at once, without reading it. */
        @Test
        void aBodyLargerThanAnyJsonRequestIsA413BeforeItIsRead() throws Exception {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(10_000);
                socket.getOutputStream().write(("POST /api/v1/campaigns HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Type: application/json\r\nContent-Length: " + 100L * 1024 * 1024 + "\r\n\r\n{\"name\": \"")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                StringBuilder answer = new StringBuilder();
                java.io.InputStream in = socket.getInputStream();
                for (int b = in.read(); b >= 0 && !answer.toString().contains("payload-too-large"); b = in.read()) {
                    answer.append((char) b);
                }
                assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("application/problem+json")
                        .contains("urn:outdial:problem:payload-too-large");
            }
        }

        @Test
        void pathsMethodsAndParametersOfTheWrongKindHaveTheirOwnTypes() throws Exception {
            assertProblem(mvc.perform(MockMvcRequestBuilders.get("/api/v1/campaigns/abc")).andReturn().getResponse(),
                    400, "urn:outdial:problem:bad-parameter");
            assertProblem(mvc.perform(MockMvcRequestBuilders.get("/api/v1/campaigns/1%0d%0a")).andReturn().getResponse(),
                    400, "urn:outdial:problem:bad-parameter");
            assertProblem(mvc.perform(MockMvcRequestBuilders.get("/api/v1/no-such-thing")).andReturn().getResponse(),
                    404, "urn:outdial:problem:not-found");
            assertProblem(mvc.perform(MockMvcRequestBuilders.delete("/api/v1/campaigns")).andReturn().getResponse(),
                    405, "urn:outdial:problem:method-not-allowed");
        }
    }

    /**
     * After the whole corpus, one campaign with good numbers: FreeSWITCH receives its originates and the
     * engine's own commands, nothing else, and no number but the good ones is dialed.
     */
    @Test
    void freeSwitchSeesOnlyTheOriginatesOfGoodNumbers() throws Exception {
        List<String> good = List.of("+15550700001", "+15550700002", "+15550700003");
        SimStats before = infrastructure.simStats();
        long campaign = api.campaign("default", "shared", 5, 5);
        for (String number : hostileNumbers().toList()) {
            perform(MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/tasks"), MediaType.APPLICATION_JSON,
                    json.writeValueAsString(Map.of("tasks", List.of(Map.of("phoneNumber", number)))));
        }
        perform(MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/tasks"), MediaType.APPLICATION_JSON,
                json.writeValueAsString(Map.of("tasks", good.stream().map(n -> Map.of("phoneNumber", n)).toList(),
                        "last", true)));
        mvc.perform(MockMvcRequestBuilders.post("/api/v1/campaigns/" + campaign + "/start"));

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                "COMPLETED".equals(jdbc.sql("select status from campaigns where id = ?").param(campaign)
                        .query(String.class).single()));

        SimStats after = infrastructure.simStats();
        Map<String, Long> dialed = new TreeMap<>();
        after.dialsPerNumber().forEach((number, n) -> {
            long delta = n - before.dialsPerNumber().getOrDefault(number, 0L);
            if (delta > 0) {
                dialed.put(number, delta);
            }
        });
        assertThat(dialed).containsOnlyKeys(good).allSatisfy((number, n) -> assertThat(n).isEqualTo(1));
        assertThat(newCommandKinds(before, after))
                .isSubsetOf(Set.of("auth", "event", "filter", "api status", "api uuid_exists", "bgapi originate"));
    }

    private static Set<String> newCommandKinds(SimStats before, SimStats after) {
        Set<String> kinds = new java.util.TreeSet<>();
        after.commands().forEach((node, counts) -> counts.forEach((kind, n) -> {
            long old = before.commands().getOrDefault(node, Map.of()).getOrDefault(kind, 0L);
            if (n > old) {
                kinds.add(kind);
            }
        }));
        return kinds;
    }

    private Map<String, Object> validResource(String path) {
        String id = AdminApi.unique("h");
        return switch (path) {
            case "/api/v1/lines" -> Map.of("id", id, "pool", pool, "gateway", "gw1", "caps", 1, "maxConcurrency", 1);
            case "/api/v1/fs-nodes" -> Map.of("id", id, "pool", pool, "eslHost", "127.0.0.1", "eslPort", 8021,
                    "eslPassword", "ClueCon", "maxSessions", 1, "caps", 1);
            case "/api/v1/pools", "/api/v1/tenants" -> Map.of("name", id);
            case "/api/v1/campaigns" -> Map.of("name", id, "caps", 1, "maxConcurrency", 1);
            default -> throw new IllegalArgumentException(path);
        };
    }

    private long rows(String path) {
        String table = switch (path) {
            case "/api/v1/lines" -> "lines";
            case "/api/v1/fs-nodes" -> "fs_nodes";
            case "/api/v1/pools" -> "pools";
            case "/api/v1/tenants" -> "tenants";
            case "/api/v1/campaigns" -> "campaigns";
            default -> throw new IllegalArgumentException(path);
        };
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long tasksOf(long campaign) {
        return jdbc.sql("select count(*) from call_tasks where campaign_id = ?").param(campaign).query(Long.class).single();
    }

    private MockHttpServletResponse perform(MockHttpServletRequestBuilder request, MediaType type, String body)
            throws Exception {
        return mvc.perform(request.contentType(type).content(body)).andReturn().getResponse();
    }

    private void assertProblem(MockHttpServletResponse response, int status, String type) throws Exception {
        assertThat(response.getStatus()).as("status of %s", response.getContentAsString()).isEqualTo(status);
        assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        JsonNode problem = json.readTree(response.getContentAsString());
        assertThat(problem.path("type").asText()).startsWith("urn:outdial:problem:");
        if (type != null) {
            assertThat(problem.path("type").asText()).isEqualTo(type);
        }
        assertThat(problem.path("status").asInt()).isEqualTo(status);
    }
}
