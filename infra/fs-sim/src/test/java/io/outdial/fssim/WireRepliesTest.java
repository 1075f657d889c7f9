package io.outdial.fssim;

import static io.outdial.fssim.WireSamples.client;
import static io.outdial.fssim.WireSamples.frame;
import static io.outdial.fssim.WireSamples.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replies on a real socket are byte-identical to the golden frames. */
class WireRepliesTest {

    static final String SAMPLE_UUID = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";
    static FsSim sim;
    static int port;

    @BeforeAll
    static void start() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1)
                .withScripted(Map.of("15551234567", ScriptedCall.answer(50, 60_000))));
        port = sim.eslPort("fs1");
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void greetsWithAuthRequest() {
        try (EslTestClient c = EslTestClient.connect(port)) {
            assertThat(c.readFrame()).isEqualTo(server("server greeting"));
        }
    }

    @Test
    void acceptsTheRightPassword() {
        try (EslTestClient c = EslTestClient.connect(port)) {
            c.readFrame();
            c.send(client("client: auth ClueCon / server reply"));
            assertThat(c.readFrame()).isEqualTo(server("client: auth ClueCon / server reply"));
        }
    }

    @Test
    void rejectsAWrongPasswordSaysGoodbyeAndHangsUp() {
        try (EslTestClient c = EslTestClient.connect(port)) {
            c.readFrame();
            assertThat(c.command("auth Wrong")).isEqualTo(frame("wrong password", "server", 0));
            assertThat(c.readFrame()).isEqualTo(frame("wrong password", "server", 1));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void refusesCommandsBeforeAuthButKeepsTheConnection() {
        try (EslTestClient c = EslTestClient.connect(port)) {
            c.readFrame();
            assertThat(c.command("api status")).isEqualTo("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
            assertThat(c.command("auth ClueCon")).contains("+OK accepted");
        }
    }

    @Test
    void confirmsFiltersAndSubscriptionLikeTheSamples() {
        String title = "filters then subscription (per-node filter for node app07)";
        try (EslTestClient c = EslTestClient.login(port)) {
            for (int i = 0; i < 3; i++) {
                c.send(frame(title, "client", i));
                assertThat(c.readFrame()).isEqualTo(frame(title, "server", i));
            }
        }
    }

    @Test
    void deletesAFilterWithFreeSwitchWording() {
        // mod_event_socket.c: "+OK filter deleted. [%s][%s]" (no '=' unlike "filter added")
        try (EslTestClient c = EslTestClient.login(port)) {
            c.command("filter variable_dialer_node app07");
            assertThat(c.command("filter delete variable_dialer_node app07"))
                    .isEqualTo("Content-Type: command/reply\nReply-Text: +OK filter deleted. [variable_dialer_node][app07]\n\n");
            assertThat(c.command("filter delete all"))
                    .isEqualTo("Content-Type: command/reply\nReply-Text: +OK filter deleted. [all][]\n\n");
        }
    }

    @Test
    void answersApiStatusInTheSampleLayout() {
        try (EslTestClient c = EslTestClient.login(port)) {
            String reply = c.command("api status");
            String body = reply.substring(reply.indexOf("\n\n") + 2);
            assertThat(reply).startsWith("Content-Type: api/response\nContent-Length: " + body.length() + "\n\n");
            assertThat(body.split("\n", -1)).hasSize(9);
            assertThat(body).matches("(?s)UP \\d+ years, \\d+ days, \\d+ hours, \\d+ minutes, \\d+ seconds, "
                    + "\\d+ milliseconds, \\d+ microseconds\n"
                    + "FreeSWITCH \\(Version 1\\.10\\.12 -release 64bit\\) is ready\n"
                    + "\\d+ session\\(s\\) since startup\n"
                    + "\\d+ session\\(s\\) - peak \\d+, last 5min \\d+\n"
                    + "\\d+ session\\(s\\) per Sec out of max 100, peak \\d+, last 5min \\d+\n"
                    + "1000 session\\(s\\) max\n"
                    + "min idle cpu 0\\.00/97\\.10\n"
                    + "Current Stack Size/Max 240K/8192K\n");
            assertThat(server("api status")).startsWith("Content-Type: api/response\nContent-Length: 335\n\nUP ");
        }
    }

    @Test
    void answersBgapiWithTheGivenJobUuidAndUuidExistsForTheLiveCall() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.send(client("bgapi originate and its reply"));
            assertThat(c.readFrame()).isEqualTo(server("bgapi originate and its reply"));
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sim.stats().currentCalls().get("fs1") == 1);
            c.send(client("api uuid_exists"));
            assertThat(c.readFrame()).isEqualTo(server("api uuid_exists"));
            assertThat(c.command("api show calls count"))
                    .isEqualTo("Content-Type: api/response\nContent-Length: 10\n\n\n1 total.\n");
            assertThat(c.command("api uuid_kill " + SAMPLE_UUID))
                    .isEqualTo("Content-Type: api/response\nContent-Length: 4\n\n+OK\n");
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> sim.stats().currentCalls().get("fs1") == 0);
            assertThat(c.command("api uuid_exists " + SAMPLE_UUID))
                    .isEqualTo("Content-Type: api/response\nContent-Length: 5\n\nfalse");
        }
    }

    @Test
    void generatesAJobUuidWhenTheClientGivesNone() {
        try (EslTestClient c = EslTestClient.login(port)) {
            String reply = c.command("bgapi status");
            assertThat(reply).matches("Content-Type: command/reply\nReply-Text: \\+OK Job-UUID: ([0-9a-f-]{36})\n"
                    + "Job-UUID: \\1\n\n");
        }
    }

    @Test
    void answersApiCommandsLikeFreeSwitch() {
        try (EslTestClient c = EslTestClient.login(port)) {
            assertThat(c.command("api show calls count")).isEqualTo(server("api show calls count").replace("3 total", "0 total"));
            assertThat(c.command("api uuid_kill 00000000-0000-0000-0000-000000000000"))
                    .endsWith("\n\n-ERR No such channel!\n");
            assertThat(c.command("api sofia status gateway gw1")).contains("\nState\tREGED\n", "\nStatus\tUP\n");
            sim.gatewayDown("gw1");
            try {
                assertThat(c.command("api sofia status gateway gw1")).contains("\nStatus\tDOWN\n");
            } finally {
                sim.gatewayUp("gw1");
            }
            assertThat(c.command("api sofia status gateway nope")).endsWith("\n\nInvalid Gateway!\n");
            assertThat(c.command("api frobnicate now"))
                    .isEqualTo("Content-Type: api/response\nContent-Length: 35\n\n-ERR frobnicate Command not found!\n");
            assertThat(c.command("bogus")).isEqualTo("Content-Type: command/reply\nReply-Text: -ERR command not found\n\n");
        }
    }

    @Test
    void acceptsExitBeforeAuth() {
        try (EslTestClient c = EslTestClient.connect(port)) {
            c.readFrame();
            assertThat(c.command("exit")).isEqualTo(frame("client: exit", "server", 0));
            assertThat(c.readFrame()).isEqualTo(frame("client: exit", "server", 1));
            assertThat(c.closedByServer()).isTrue();
        }
    }

    @Test
    void answersListenerCommandsWithFreeSwitchWording() {
        try (EslTestClient c = EslTestClient.login(port)) {
            assertThat(c.command("noevents")).contains("Reply-Text: -ERR not listening for events\n");
            assertThat(c.command("event plain NOT_AN_EVENT")).contains("Reply-Text: -ERR no keywords supplied\n");
            assertThat(c.command("event CHANNEL_CREATE")).contains("Reply-Text: +OK event listener enabled plain\n");
            assertThat(c.command("filter add Unique-ID abc")).contains("Reply-Text: +OK filter added. [Unique-ID]=[abc]\n");
            assertThat(c.command("filter Unique-ID")).contains("Reply-Text: -ERR invalid syntax\n");
            assertThat(c.command("linger")).contains("Reply-Text: -ERR not controlling a session\n");
            assertThat(c.command("nolog")).contains("Reply-Text: -ERR not loging\n");
            assertThat(c.command("log info")).contains("Reply-Text: +OK log level info [6]\n");
            assertThat(c.command("api")).contains("Reply-Text: -ERR command not found\n");
        }
    }

    @Test
    void saysByeOnExitThenDisconnects() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.send(client("client: exit"));
            assertThat(c.readFrame()).isEqualTo(frame("client: exit", "server", 0));
            assertThat(c.readFrame()).isEqualTo(frame("client: exit", "server", 1));
            assertThat(c.closedByServer()).isTrue();
        }
    }
}
