package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static io.outdial.fssim.WireSamples.eventHeader;
import static io.outdial.fssim.WireSamples.eventHeaderNames;
import static io.outdial.fssim.WireSamples.server;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A bgapi originate produces FreeSWITCH's event sequence for each way a call can go. */
class OriginateEventsTest {

    static final String SUBSCRIBE = "event plain CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA "
            + "CHANNEL_ANSWER CHANNEL_HANGUP CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB";
    static final String SAMPLE_ARG_ENCODED = eventHeader(
            server("BACKGROUND_JOB for an answered call (body arrives after answer)"), "Job-Command-Arg");

    FsSim sim;
    EslTestClient client;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withNodes(1).withScripted(Map.of(
                "15551234567", ScriptedCall.answer(100, 100),
                "15550000486", ScriptedCall.busy(100),
                "15550000603", ScriptedCall.reject(50),
                "15550000404", ScriptedCall.invalid(),
                "15550000019", ScriptedCall.noAnswer(),
                "15550000183", ScriptedCall.answer(100, 50).withEarlyMedia(),
                "15550009999", ScriptedCall.answer(50, 600_000))));
        client = EslTestClient.login(sim.eslPort("fs1"));
        client.command(SUBSCRIBE);
    }

    @AfterEach
    void stop() {
        client.close();
        sim.close();
    }

    @Test
    void answeredCallRunsCreateProgressAnswerJobHangupComplete() {
        String uuid = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";
        client.send(WireSamples.client("bgapi originate and its reply"));
        assertThat(client.readFrame()).contains("+OK Job-UUID: 7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14");

        List<String> events = client.readEventsUntil("CHANNEL_HANGUP_COMPLETE");

        assertThat(events).extracting(EslTestClient::eventName).containsExactly("CHANNEL_CREATE",
                "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "BACKGROUND_JOB", "CHANNEL_HANGUP",
                "CHANNEL_HANGUP_COMPLETE");
        assertThat(eventHeaderNames(events.get(0))).isEqualTo(eventHeaderNames(server("CHANNEL_CREATE (abridged)")));
        assertThat(eventHeaderNames(events.get(1)))
                .isEqualTo(eventHeaderNames(server("CHANNEL_PROGRESS (180 Ringing; abridged)")));
        assertThat(eventHeaderNames(events.get(2))).isEqualTo(eventHeaderNames(server("CHANNEL_ANSWER (abridged)")));
        assertThat(eventHeaderNames(events.get(3))).isEqualTo(eventHeaderNames(
                server("BACKGROUND_JOB for an answered call (body arrives after answer)")));
        assertThat(eventHeaderNames(events.get(5))).isEqualTo(eventHeaderNames(
                server("CHANNEL_HANGUP_COMPLETE, answered (abridged: a real one has 150+ headers)")));
        assertThat(eventHeader(events.get(3), "Job-Command-Arg")).isEqualTo(SAMPLE_ARG_ENCODED);
        assertThat(events.get(3)).endsWith("\nContent-Length: 41\n\n+OK " + uuid + "\n");
        assertThat(events).allSatisfy(e -> {
            assertThat(eventHeader(e, "FreeSWITCH-Hostname")).isEqualTo("fs1");
            assertThat(eventHeader(e, "Event-Date-GMT")).matches("[A-Z][a-z]{2},%20\\d\\d%20.*%20GMT");
        });
        events.stream().filter(e -> eventName(e).startsWith("CHANNEL_")).forEach(e -> {
            assertThat(eventHeader(e, "Unique-ID")).isEqualTo(uuid);
            assertThat(eventHeader(e, "variable_dialer_node")).isEqualTo("app07");
        });
        assertThat(events).extracting(e -> Long.parseLong(eventHeader(e, "Event-Sequence"))).isSorted()
                .doesNotHaveDuplicates();
        String complete = events.get(5);
        assertThat(eventHeader(complete, "Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
        assertThat(eventHeader(complete, "variable_sip_term_status")).isEqualTo("200");
        assertThat(eventHeader(complete, "variable_proto_specific_hangup_cause")).isEqualTo("sip%3A200");
        assertThat(eventHeader(complete, "variable_hangup_cause_q850")).isEqualTo("16");
        assertThat(eventHeader(complete, "variable_billsec")).isEqualTo("0");
    }

    @Test
    void busyCalleeGetsUserBusyWithTheJobBeforeHangupComplete() {
        List<String> events = originate("15550000486");

        assertThat(events).extracting(EslTestClient::eventName).containsExactly("CHANNEL_CREATE",
                "CHANNEL_PROGRESS", "CHANNEL_HANGUP", "BACKGROUND_JOB", "CHANNEL_HANGUP_COMPLETE");
        assertThat(events.get(3)).endsWith("\nContent-Length: 15\n\n-ERR USER_BUSY\n");
        assertThat(eventHeaderNames(events.get(3))).isEqualTo(eventHeaderNames(
                server("BACKGROUND_JOB for a busy callee (-ERR; may arrive before or after HANGUP_COMPLETE)")));
        assertThat(eventHeaderNames(events.get(4)))
                .isEqualTo(eventHeaderNames(server("CHANNEL_HANGUP_COMPLETE, busy (abridged)")));
        assertHangup(events.get(4), "USER_BUSY", "486", "17");
        assertThat(eventHeader(events.get(4), "variable_sip_hangup_disposition")).isEqualTo("recv_refuse");
    }

    @Test
    void downGatewayFailsTheJobWithoutAnyChannel() {
        sim.gatewayDown("gw1");
        client.send(WireSamples.client("bgapi originate and its reply"));
        client.readFrame();

        String job = client.readFrame();

        String sample = server("BACKGROUND_JOB when the gateway is down (no channel was ever created)");
        assertThat(eventName(job)).isEqualTo("BACKGROUND_JOB");
        assertThat(eventHeaderNames(job)).isEqualTo(eventHeaderNames(sample));
        assertThat(job).endsWith("\nContent-Length: 18\n\n-ERR GATEWAY_DOWN\n");
        assertThat(client.quietFor(300)).isTrue();
        assertThat(sim.stats().outcomes()).containsEntry("GATEWAY_DOWN", 1L);
    }

    @Test
    void unknownGatewayFailsWithInvalidGatewayAndNoChannel() {
        client.command("bgapi originate {origination_uuid=u-1}sofia/gateway/nope/15551234567 &park()");
        assertThat(client.readFrame()).endsWith("\n\n-ERR INVALID_GATEWAY\n");
        assertThat(client.quietFor(200)).isTrue();
    }

    @Test
    void rejectedCallIsCallRejected() {
        List<String> events = originate("15550000603");
        assertThat(events.get(events.size() - 2)).endsWith("\n\n-ERR CALL_REJECTED\n");
        assertHangup(events.get(events.size() - 1), "CALL_REJECTED", "603", "21");
    }

    @Test
    void invalidNumberIsUnallocatedWithoutProgress() {
        List<String> events = originate("15550000404");
        assertThat(events).extracting(EslTestClient::eventName).containsExactly("CHANNEL_CREATE",
                "CHANNEL_HANGUP", "BACKGROUND_JOB", "CHANNEL_HANGUP_COMPLETE");
        assertHangup(events.get(3), "UNALLOCATED_NUMBER", "404", "1");
        assertThat(eventHeader(events.get(3), "variable_progresssec")).isEqualTo("0");
    }

    @Test
    void unansweredCallEndsWithNoAnswerWhenOriginateTimeoutExpires() {
        long started = System.nanoTime();
        client.command("bgapi originate {origination_uuid=u-19,originate_timeout=1}sofia/gateway/gw1/15550000019 &park()");
        List<String> events = client.readEventsUntil("CHANNEL_HANGUP_COMPLETE");
        assertThat((System.nanoTime() - started) / 1_000_000).isBetween(900L, 4000L);
        assertThat(events).extracting(EslTestClient::eventName).containsExactly("CHANNEL_CREATE",
                "CHANNEL_PROGRESS", "CHANNEL_HANGUP", "BACKGROUND_JOB", "CHANNEL_HANGUP_COMPLETE");
        assertThat(events.get(3)).endsWith("\n\n-ERR NO_ANSWER\n");
        assertHangup(events.get(4), "NO_ANSWER", "487", "19");
        assertThat(eventHeader(events.get(4), "variable_originate_timeout")).isEqualTo("1");
    }

    @Test
    void earlyMediaSendsProgressMediaAfterProgress() {
        List<String> events = originate("15550000183");
        assertThat(events).extracting(EslTestClient::eventName).containsExactly("CHANNEL_CREATE",
                "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER", "BACKGROUND_JOB", "CHANNEL_HANGUP",
                "CHANNEL_HANGUP_COMPLETE");
        assertThat(eventHeader(events.get(2), "Answer-State")).isEqualTo("early");
    }

    @Test
    void uuidKillHangsUpWithTheGivenCause() {
        client.command("bgapi originate {origination_uuid=u-kill}sofia/gateway/gw1/15550009999 &park()");
        client.readUntil(f -> eventName(f).equals("BACKGROUND_JOB"));
        assertThat(client.command("api uuid_kill u-kill CALL_REJECTED")).endsWith("\n\n+OK\n");
        String complete = client.readUntil(f -> eventName(f).equals("CHANNEL_HANGUP_COMPLETE"));
        assertHangup(complete, "CALL_REJECTED", "200", "21");
        assertThat(client.command("api uuid_kill u-kill")).endsWith("\n\n-ERR No such channel!\n");
    }

    @Test
    void apiOriginateBlocksUntilTheCallIsAnsweredAndHoldsEventsUntilItsReply() {
        String reply = client.command("api originate {origination_uuid=u-api}sofia/gateway/gw1/15551234567 &park()");
        assertThat(reply).isEqualTo("Content-Type: api/response\nContent-Length: 10\n\n+OK u-api\n");
        assertThat(client.readEventsUntil("CHANNEL_HANGUP_COMPLETE")).extracting(EslTestClient::eventName)
                .containsExactly("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_ANSWER", "CHANNEL_HANGUP",
                        "CHANNEL_HANGUP_COMPLETE");
    }

    private List<String> originate(String number) {
        client.command("bgapi originate {origination_uuid=u-" + number + ",dialer_node=app07,campaign_id=c42,task_id=t1001}sofia/gateway/gw1/"
                + number + " &park()");
        return client.readEventsUntil("CHANNEL_HANGUP_COMPLETE");
    }

    static void assertHangup(String complete, String cause, String sip, String q850) {
        assertThat(eventName(complete)).isEqualTo("CHANNEL_HANGUP_COMPLETE");
        assertThat(eventHeader(complete, "Hangup-Cause")).isEqualTo(cause);
        assertThat(eventHeader(complete, "variable_hangup_cause")).isEqualTo(cause);
        assertThat(eventHeader(complete, "variable_sip_term_status")).isEqualTo(sip);
        assertThat(eventHeader(complete, "variable_hangup_cause_q850")).isEqualTo(q850);
    }
}
