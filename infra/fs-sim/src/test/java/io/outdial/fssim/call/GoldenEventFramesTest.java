package io.outdial.fssim.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.fssim.CallOutcome;
import io.outdial.fssim.WireSamples;
import io.outdial.fssim.esl.EslEvent;
import io.outdial.fssim.events.EventStamp;
import io.outdial.fssim.events.NodeEvents;
import io.outdial.fssim.events.NodeIdentity;
import io.outdial.fssim.events.SessionFigures;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Event frames built from the same inputs as the golden samples are byte-identical to them.
 * One caveat: each sample's Event-Date-Timestamp is 20 s before its Event-Date-GMT (the samples were
 * built by hand), so the timestamp line is taken from the sample before comparing; it has the same length,
 * so Content-Length is still checked.
 */
class GoldenEventFramesTest {

    static final NodeIdentity FS1 =
            new NodeIdentity("fs1", "2f1c8d4e-6b1a-4c55-9a43-0f7e2d9b1a20", "10.0.0.11", ZoneOffset.UTC);
    static final String UUID = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";
    static final String ARGS = "{origination_uuid=" + UUID + ",dialer_node=app07,campaign_id=c42,task_id=t1001}"
            + "sofia/gateway/gw1/15551234567 &park()";

    @Test
    void channelCreateProgressAndAnswerMatchTheSamples() {
        Call call = sampleCall(CallOutcome.ANSWER);
        assertGolden(ChannelEvents.create(stamp("07:22:40", 48201), call), "CHANNEL_CREATE (abridged)");
        assertGolden(ChannelEvents.progress(stamp("07:22:41", 48202), call),
                "CHANNEL_PROGRESS (180 Ringing; abridged)");
        assertGolden(ChannelEvents.answer(stamp("07:22:45", 48203), call), "CHANNEL_ANSWER (abridged)");
    }

    @Test
    void backgroundJobsMatchTheSamplesWithTheirBodies() {
        assertGolden(NodeEvents.backgroundJob(stamp("07:22:45", 48204), "7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14",
                "originate", ARGS, "+OK " + UUID + "\n"),
                "BACKGROUND_JOB for an answered call (body arrives after answer)");
        assertGolden(NodeEvents.backgroundJob(stamp("07:22:49", 48301), "9b2e4d63-2e7a-4a1f-9c8b-4e3a7d0f1c25",
                "originate", ARGS, "-ERR USER_BUSY\n"),
                "BACKGROUND_JOB for a busy callee (-ERR; may arrive before or after HANGUP_COMPLETE)");
        assertGolden(NodeEvents.backgroundJob(stamp("07:22:50", 48303), "0c4f2a11-5b6e-4d7c-8a9f-1e2d3c4b5a69",
                "originate", ARGS, "-ERR GATEWAY_DOWN\n"),
                "BACKGROUND_JOB when the gateway is down (no channel was ever created)");
    }

    @Test
    void hangupCompleteOfAnAnsweredCallMatchesTheSample() {
        Call call = sampleCall(CallOutcome.ANSWER);
        long t0 = call.createdMs();
        call.progressMs = t0 + 1200;
        call.answeredMs = t0 + 5000;
        call.hangup(HangupCause.NORMAL_CLEARING, 200, "send_bye", t0 + 18000);
        assertGolden(ChannelEvents.hangupComplete(stamp("07:22:58", 48205), call),
                "CHANNEL_HANGUP_COMPLETE, answered (abridged: a real one has 150+ headers)");
    }

    @Test
    void hangupCompleteOfABusyCallMatchesTheSample() {
        Call call = sampleCall(CallOutcome.BUSY);
        long t0 = call.createdMs();
        call.progressMs = t0 + 2100;
        call.hangup(HangupCause.USER_BUSY, 486, "recv_refuse", t0 + 4500);
        assertGolden(ChannelEvents.hangupComplete(stamp("07:22:49", 48302), call),
                "CHANNEL_HANGUP_COMPLETE, busy (abridged)");
    }

    @Test
    void heartbeatMatchesTheSample() {
        SessionFigures figures = new SessionFigures(7_522_000, 3, 9, 12, 1000, 30, 2, 5, 4, 2);
        assertGolden(NodeEvents.heartbeat(stamp("07:22:59", 48304), figures), "HEARTBEAT (every 20 s; abridged)");
    }

    @Test
    void statusTextMatchesTheSampleBodyLineForLine() {
        SessionFigures figures = new SessionFigures(7_503_120, 3, 9, 12, 1000, 30, 0, 5, 4, 2);
        String sampleBody = WireSamples.server("api status").split("\n\n", 2)[1];
        assertThat(figures.statusText()).isEqualTo(sampleBody.replace("120 milliseconds, 77 microseconds",
                "120 milliseconds, 0 microseconds"));
    }

    @Test
    void jsonFramesCarryRawValuesAndTheBody() {
        EslEvent job = NodeEvents.backgroundJob(stamp("07:22:45", 48204), "j1", "originate", ARGS, "+OK x\n");
        String frame = new String(job.jsonFrame(), StandardCharsets.UTF_8);
        String json = frame.substring(frame.indexOf("\n\n") + 2);
        assertThat(frame).startsWith("Content-Length: " + json.getBytes(StandardCharsets.UTF_8).length
                + "\nContent-Type: text/event-json\n\n");
        assertThat(json).startsWith("{\"Event-Name\":\"BACKGROUND_JOB\",")
                .contains("\"Job-Command-Arg\":\"" + ARGS.replace("&", "&") + "\"")
                .endsWith("\"Content-Length\":\"6\",\"_body\":\"+OK x\\n\"}");
    }

    static Call sampleCall(CallOutcome outcome) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("origination_uuid", UUID);
        vars.put("dialer_node", "app07");
        vars.put("campaign_id", "c42");
        vars.put("task_id", "t1001");
        return new Call(UUID, "15551234567", "gw1", vars, new CallPlan(outcome, 5000, 13000, false), 60_000,
                1_795_936_960_000L, result -> { });
    }

    static EventStamp stamp(String hhmmss, long sequence) {
        return new EventStamp(FS1, Instant.parse("2026-11-29T" + hhmmss + ".123456Z"), sequence);
    }

    static void assertGolden(EslEvent event, String sampleTitle) {
        String sample = WireSamples.server(sampleTitle);
        String actual = new String(event.plainFrame(), StandardCharsets.UTF_8);
        String sampleTimestamp = WireSamples.eventHeader(sample, "Event-Date-Timestamp");
        String ours = WireSamples.eventHeader(actual, "Event-Date-Timestamp");
        assertThat(ours).hasSameSizeAs(sampleTimestamp);
        assertThat(actual.replace("Event-Date-Timestamp: " + ours, "Event-Date-Timestamp: " + sampleTimestamp))
                .isEqualTo(sample);
    }
}
