package io.outdial.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.DevModeTest;
import io.outdial.app.TestCredentials;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The hostile-input corpus for uploads: every value that could change an ESL command, look like a number
 * without being one, or break the parser gets a clear 4xx with a stable problem type, the response never
 * echoes it, and nothing is imported or queued.
 */
@DevModeTest
class HostileUploadTest {

    private static final String PROBLEM = "urn:outdial:problem:";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskQueue queue;

    @Autowired
    ObjectMapper json;

    @LocalServerPort
    int port;

    private Uploads uploads;
    private long campaign;

    @BeforeEach
    void aDraftCampaign() throws Exception {
        uploads = new Uploads(mvc, jdbc);
        campaign = uploads.campaign();
    }

    /** Phone numbers that must never reach an originate, nor be "repaired" into one. */
    static Stream<Arguments> hostileNumbers() {
        return Stream.of(
                Arguments.of("CR/LF and an ESL command", "+15550100001\r\nbgapi hupall"),
                Arguments.of("LF alone", "+15550100001\nexit"),
                Arguments.of("a space and a word", "+15550100001 originate"),
                Arguments.of("a comma", "+1555,0100001"),
                Arguments.of("a pipe", "+1555|0100001"),
                Arguments.of("braces", "{origination_caller_id_number=1}+15550100001"),
                Arguments.of("a closing brace", "+15550100001}"),
                Arguments.of("a variable expansion", "${jndi:ldap://127.0.0.1/x}"),
                Arguments.of("an expansion inside digits", "+1555${x}0100001"),
                Arguments.of("double quotes", "\"+15550100001\""),
                Arguments.of("a single quote", "+1555'0100001"),
                Arguments.of("Arabic-Indic digits", "+\u0661\u0665\u0665\u0665\u0660\u0661\u0660\u0660\u0660\u0660\u0661"),
                Arguments.of("fullwidth digits", "\uFF0B\uFF11\uFF15\uFF15\uFF15\uFF10\uFF11\uFF10\uFF10\uFF10\uFF10\uFF11"),
                Arguments.of("letter O for zero", "+1555O1OOOO1"),
                Arguments.of("Cyrillic O for zero", "+1555\u041E100001"),
                Arguments.of("a NUL byte", "+1555010\u00000001"),
                Arguments.of("an overlong value", "+1" + "5".repeat(500)),
                Arguments.of("too many digits", "+1555010000100011"),
                Arguments.of("empty", ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNumbers")
    void aHostileNumberInJsonIsA400NamingTheTaskAndImportsNothing(String what, String number) throws Exception {
        String body = json.writeValueAsString(Map.of("tasks", List.of(
                Map.of("phoneNumber", "+15550100009"), Map.of("phoneNumber", number)), "last", true));
        uploads.json(campaign, "", body)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("tasks[1].phoneNumber"))
                .andExpect(content().string(not(containsString("0100001"))));
        assertNothingImported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileNumbers")
    void aHostileNumberInCsvIsA400NamingTheLineAndImportsNothing(String what, String number) throws Exception {
        String quoted = "\"" + number.replace("\"", "\"\"") + "\"";
        uploads.csv(campaign, "?last=true", "phone_number,external_ref\n+15550100009,ok\n" + quoted + ",x\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("phone_number"))
                .andExpect(content().string(not(containsString("0100001"))));
        assertNothingImported();
    }

    static Stream<Arguments> hostileIds() {
        return Stream.of(
                Arguments.of("external_id", "has space"),
                Arguments.of("external_id", "id\r\nbgapi"),
                Arguments.of("external_id", "x".repeat(101)),
                Arguments.of("external_id", "caf\u00e9"),
                Arguments.of("external_id", "\uFF10"),
                Arguments.of("external_ref", "line\r\nbreak"),
                Arguments.of("external_ref", "nul\u0000"),
                Arguments.of("external_ref", "x".repeat(201)));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("hostileIds")
    void hostileExternalIdsAndRefsAreRowErrors(String column, String value) throws Exception {
        String quoted = "\"" + value + "\"";
        uploads.csv(campaign, "", "phone_number," + column + "\n+15550100001," + quoted + "\n")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].field").value(column));
        assertNothingImported();
    }

    static Stream<Arguments> malformedCsv() {
        return Stream.of(
                Arguments.of("an unclosed quote", bytes("phone_number\n+15550100001\n\"+15550100002\n+15550100003\n"), 3),
                Arguments.of("a wrong column count", bytes("phone_number,external_id\n+15550100001,a\n+15550100002\n"), 3),
                Arguments.of("an empty body", bytes(""), 1),
                Arguments.of("a header only", bytes("phone_number\r\n"), 2),
                Arguments.of("no header", bytes("+15550100001\n+15550100002\n"), 1),
                Arguments.of("an unknown column", bytes("phone_number,${jndi:x}\n+15550100001,a\n"), 1),
                Arguments.of("a repeated column", bytes("phone_number,phone_number\n+15550100001,+15550100002\n"), 1),
                Arguments.of("Latin-1 bytes", "phone_number,external_ref\n+15550100001,Bj\u00f6rk\n"
                        .getBytes(StandardCharsets.ISO_8859_1), 2),
                Arguments.of("UTF-16 with a BOM", "phone_number\n+15550100001\n".getBytes(StandardCharsets.UTF_16), 1),
                Arguments.of("UTF-16 without a BOM", "phone_number\n+15550100001\n"
                        .getBytes(StandardCharsets.UTF_16LE), 1),
                Arguments.of("a truncated UTF-8 sequence", concat(bytes("phone_number,external_ref\n+15550100001,"),
                        new byte[] {(byte) 0xE2, (byte) 0x82}), 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedCsv")
    void malformedCsvIsA400NamingTheLineAndImportsNothing(String what, byte[] body, long line) throws Exception {
        uploads.csv(campaign, "?partial=true&last=true", body, "text/csv")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "malformed-body"))
                .andExpect(jsonPath("$.line").value(line))
                .andExpect(content().string(not(containsString("jndi"))));
        assertNothingImported();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void aWrongContentTypeIsA415(String contentType) throws Exception {
        uploads.csv(campaign, "", bytes("phone_number\n+15550100001\n"), contentType)
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.type").value(PROBLEM + "unsupported-media-type"));
        assertNothingImported();
    }

    static Stream<String> wrongTypes() {
        return Stream.of("text/plain", "application/xml", "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded", "application/octet-stream", null,
                "text/csv; charset=iso-8859-1", "text/csv; charset=utf-16");
    }

    @Test
    void malformedJsonIsA400WithoutEchoingTheBody() throws Exception {
        uploads.json(campaign, "", "{\"tasks\": [{\"phoneNumber\": \"+15550100001\"")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "malformed-body"))
                .andExpect(content().string(not(containsString("0100001"))));
        uploads.json(campaign, "", "{\"tasks\": []}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "validation"));
        assertNothingImported();
    }

    @Test
    void moreThanTenThousandJsonTasksIsA400() throws Exception {
        String tasks = "{\"phoneNumber\": \"+15550100001\"},".repeat(10_001);
        uploads.json(campaign, "", "{\"tasks\": [" + tasks.substring(0, tasks.length() - 1) + "]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tasks"));
        assertNothingImported();
    }

    @Test
    void aJsonBodyOverItsLimitIsA413() throws Exception {
        byte[] body = new byte[(int) UploadLimits.JSON_BYTES + 1];
        java.util.Arrays.fill(body, (byte) ' ');
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/api/v1/campaigns/" + campaign + "/tasks")
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value(PROBLEM + "payload-too-large"));
        assertNothingImported();
    }

    /**
     * Over real HTTP (MockMvc has no socket): the client sends all 100 MB and still reads a 413 problem,
     * whether the length is declared (rejected before reading) or the body is chunked (rejected at 64 MiB
     * while streaming); Tomcat discards the rest instead of resetting the connection.
     */
    @Test
    void aHundredMegabyteUploadIsA413OverRealHttpWithAndWithoutContentLength() throws Exception {
        long size = 100L * 1000 * 1000;
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/v1/campaigns/" + campaign + "/tasks");
        for (boolean declared : new boolean[] {true, false}) {
            HttpRequest.BodyPublisher body = declared
                    ? HttpRequest.BodyPublishers.fromPublisher(
                            HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(size)), size)
                    : HttpRequest.BodyPublishers.ofInputStream(() -> new CsvRows(size));
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri)
                            .timeout(Duration.ofSeconds(120))
                            .header("Content-Type", "text/csv")
                            .header(TestCredentials.API_KEY_HEADER, TestCredentials.DEV_API_KEY)
                            .POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as("declared length: " + declared).isEqualTo(413);
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("type").asText()).isEqualTo(PROBLEM + "payload-too-large");
            assertNothingImported();
        }
    }

    private void assertNothingImported() {
        assertThat(uploads.taskCount(campaign)).as("tasks imported").isZero();
        assertThat(queue.size(campaign)).as("ids queued").isZero();
        assertThat(uploads.inputClosed(campaign)).as("input closed").isFalse();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** A CSV of valid rows, {@code size} bytes long, generated as it is read. */
    private static final class CsvRows extends InputStream {

        private static final byte[] HEADER = bytes("phone_number\n");
        private static final byte[] ROW = bytes("+15550100001\n");
        private final long size;
        private long position;

        CsvRows(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (position == size) {
                return -1;
            }
            long at = position++;
            return at < HEADER.length ? HEADER[(int) at] : ROW[(int) ((at - HEADER.length) % ROW.length)];
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (position == size) {
                return -1;
            }
            int n = (int) Math.min(length, size - position);
            for (int i = 0; i < n; i++) {
                buffer[offset + i] = (byte) read();
            }
            return n;
        }
    }
}
