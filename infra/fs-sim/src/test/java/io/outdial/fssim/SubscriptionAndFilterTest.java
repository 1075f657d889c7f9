package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static io.outdial.fssim.WireSamples.eventHeader;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Subscriptions and filters over real connections: each connection gets only what it asked for. */
class SubscriptionAndFilterTest {

    FsSim sim;
    int port;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1).withHeartbeatInterval(Duration.ofMillis(200))
                .withScripted(Map.of("15550001111", ScriptedCall.answer(20, 20))));
        port = sim.eslPort("fs1");
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void filtersBelongToTheirConnection() {
        try (EslTestClient app07 = EslTestClient.login(port); EslTestClient everything = EslTestClient.login(port)) {
            app07.command("filter variable_dialer_node app07");
            app07.command("filter Job-Command-Arg /dialer_node=app07[,}]/");
            app07.command("event plain CHANNEL_CREATE CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB");
            everything.command("event plain CHANNEL_CREATE CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB");

            everything.command("bgapi originate {origination_uuid=other,dialer_node=app08}sofia/gateway/gw1/15550001111 &park()");
            everything.readEventsUntil("CHANNEL_HANGUP_COMPLETE");
            everything.command("bgapi originate {origination_uuid=mine,dialer_node=app07}sofia/gateway/gw1/15550001111 &park()");

            assertThat(app07.readEventsUntil("CHANNEL_HANGUP_COMPLETE")).extracting(EslTestClient::eventName)
                    .containsExactly("CHANNEL_CREATE", "BACKGROUND_JOB", "CHANNEL_HANGUP_COMPLETE");
            assertThat(everything.readEventsUntil("CHANNEL_HANGUP_COMPLETE")).hasSize(3)
                    .allSatisfy(e -> assertThat(e).doesNotContain("dialer_node=app08").doesNotContain("dialer_node%3Dapp08"));
        }
    }

    @Test
    void deletedFilterNoLongerNarrowsTheStream() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.command("filter Event-Name CHANNEL_HANGUP_COMPLETE");
            c.command("event plain CHANNEL_CREATE CHANNEL_HANGUP_COMPLETE");
            c.command("bgapi originate {origination_uuid=a}sofia/gateway/gw1/15550001111 &park()");
            assertThat(eventName(c.readFrame())).isEqualTo("CHANNEL_HANGUP_COMPLETE");
            assertThat(c.command("filter delete Event-Name CHANNEL_HANGUP_COMPLETE")).contains("+OK filter deleted.");
            c.command("bgapi originate {origination_uuid=b}sofia/gateway/gw1/15550001111 &park()");
            assertThat(eventName(c.readFrame())).isEqualTo("CHANNEL_CREATE");
        }
    }

    @Test
    void nixeventRemovesOneEventAndNoeventsStopsAll() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.command("event plain CHANNEL_CREATE CHANNEL_HANGUP_COMPLETE");
            assertThat(c.command("nixevent CHANNEL_CREATE"))
                    .isEqualTo("Content-Type: command/reply\nReply-Text: +OK events nixed\n\n");
            c.command("bgapi originate {origination_uuid=a}sofia/gateway/gw1/15550001111 &park()");
            assertThat(eventName(c.readFrame())).isEqualTo("CHANNEL_HANGUP_COMPLETE");
            assertThat(c.command("noevents"))
                    .isEqualTo("Content-Type: command/reply\nReply-Text: +OK no longer listening for events\n\n");
            c.command("bgapi originate {origination_uuid=b}sofia/gateway/gw1/15550001111 &park()");
            assertThat(c.quietFor(400)).isTrue();
        }
    }

    @Test
    void nixingOneEventFromAllKeepsTheOthers() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.command("event plain ALL");
            c.command("nixevent HEARTBEAT");
            c.command("bgapi originate {origination_uuid=x}sofia/gateway/gw1/15550001111 &park()");
            assertThat(c.readEventsUntil("CHANNEL_HANGUP_COMPLETE")).extracting(EslTestClient::eventName)
                    .doesNotContain("HEARTBEAT").contains("CHANNEL_CREATE", "BACKGROUND_JOB");
        }
    }

    @Test
    void allSubscribesToEveryEventIncludingHeartbeat() {
        try (EslTestClient c = EslTestClient.login(port)) {
            c.command("event plain ALL");
            String heartbeat = c.readUntil(f -> eventName(f).equals("HEARTBEAT"));
            assertThat(WireSamples.eventHeaderNames(heartbeat))
                    .isEqualTo(WireSamples.eventHeaderNames(WireSamples.server("HEARTBEAT (every 20 s; abridged)")));
            assertThat(eventHeader(heartbeat, "Session-Count")).isEqualTo("0");
            assertThat(eventHeader(heartbeat, "Max-Sessions")).isEqualTo("1000");
            assertThat(eventHeader(heartbeat, "Session-Per-Sec")).isEqualTo("100");
            assertThat(eventHeader(heartbeat, "Event-Info")).isEqualTo("System%20Ready");
        }
    }

    @Test
    void heartbeatsComeAtTheConfiguredIntervalWithLiveSessionCounts() {
        sim.close();
        sim = FsSim.start(SimConfig.defaults().withNodes(1).withHeartbeatInterval(Duration.ofMillis(200))
                .withScripted(Map.of("15550002222", ScriptedCall.answer(10, 60_000))));
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("bgapi originate {origination_uuid=long}sofia/gateway/gw1/15550002222 &park()");
            c.command("event plain HEARTBEAT");
            long start = System.nanoTime();
            c.readFrame();
            String second = c.readFrame();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
            assertThat(eventHeader(second, "Session-Count")).isEqualTo("1");
            assertThat(eventHeader(second, "Session-Since-Startup")).isEqualTo("1");
        }
    }

    @Test
    void jsonSubscriptionSendsEventJson() {
        try (EslTestClient c = EslTestClient.login(port)) {
            assertThat(c.command("event json CHANNEL_CREATE"))
                    .isEqualTo("Content-Type: command/reply\nReply-Text: +OK event listener enabled json\n\n");
            c.command("bgapi originate {origination_uuid=j1,dialer_node=app07}sofia/gateway/gw1/15550001111 &park()");
            String frame = c.readFrame();
            assertThat(frame).contains("Content-Type: text/event-json\n\n{\"Event-Name\":\"CHANNEL_CREATE\"")
                    .contains("\"Unique-ID\":\"j1\"", "\"variable_dialer_node\":\"app07\"");
        }
    }
}
