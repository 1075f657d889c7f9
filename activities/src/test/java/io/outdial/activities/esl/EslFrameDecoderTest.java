package io.outdial.activities.esl;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class EslFrameDecoderTest {

    private static final String CALL_UUID = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";

    @Test
    void everyGoldenServerFrameDecodesToOneFrameWhoseBodyHasExactlyContentLengthBytes() {
        for (WireSamples.Sample sample : WireSamples.fromServer()) {
            List<EslFrame> frames = decode(List.of(bytes(sample.frame())));

            assertThat(frames).as(sample.title()).hasSize(1);
            EslFrame frame = frames.get(0);
            String length = frame.header("Content-Length");
            assertThat(frame.body().getBytes(StandardCharsets.UTF_8))
                    .as(sample.title())
                    .hasSize(length == null ? 0 : Integer.parseInt(length));
            assertThat(frame.contentType()).as(sample.title()).isNotEmpty();
        }
    }

    @Test
    void framesFedOneByteAtATimeDecodeTheSameAsWholeFrames() {
        byte[] all = allServerFrames();
        List<byte[]> singleBytes = new ArrayList<>();
        for (byte b : all) {
            singleBytes.add(new byte[] {b});
        }

        assertThat(decode(singleBytes)).isEqualTo(decode(List.of(all)));
        assertThat(decode(singleBytes)).hasSize(WireSamples.fromServer().size());
    }

    @Test
    void framesSplitAtRandomPlacesDecodeTheSameAsWholeFrames() {
        byte[] all = allServerFrames();
        List<EslFrame> expected = decode(List.of(all));
        Random random = new Random(42);
        for (int round = 0; round < 50; round++) {
            List<byte[]> chunks = new ArrayList<>();
            int position = 0;
            while (position < all.length) {
                int size = Math.min(all.length - position, 1 + random.nextInt(300));
                chunks.add(Arrays.copyOfRange(all, position, position + size));
                position += size;
            }
            assertThat(decode(chunks)).as("round %d", round).isEqualTo(expected);
        }
    }

    @Test
    void commandRepliesKeepTheirReplyText() {
        EslFrame accepted = decodeOne(WireSamples.frame("server", "client: auth ClueCon"));
        EslFrame bgapi = decodeOne(WireSamples.frame("server", "bgapi originate"));

        assertThat(accepted.contentType()).isEqualTo("command/reply");
        assertThat(accepted.header("Reply-Text")).isEqualTo("+OK accepted");
        assertThat(bgapi.header("Reply-Text")).isEqualTo("+OK Job-UUID: 7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14");
        assertThat(bgapi.header("Job-UUID")).isEqualTo("7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14");
    }

    @Test
    void apiResponsesCarryTheCommandOutputAsBody() {
        EslFrame status = decodeOne(WireSamples.frame("server", "api status"));
        EslFrame exists = decodeOne(WireSamples.frame("server", "api uuid_exists"));
        EslFrame count = decodeOne(WireSamples.frame("server", "api show calls count"));

        assertThat(status.contentType()).isEqualTo("api/response");
        assertThat(status.body()).startsWith("UP 0 years").endsWith("Current Stack Size/Max 240K/8192K\n");
        assertThat(exists.body()).isEqualTo("true");
        assertThat(count.body()).isEqualTo("\n3 total.\n");
    }

    @Test
    void plainChannelEventsAreParsedWithUrlDecodedHeaders() {
        EslEvent create = PlainEventParser.parse(decodeOne(WireSamples.frame("server", "CHANNEL_CREATE")).body());

        assertThat(create.name()).isEqualTo("CHANNEL_CREATE");
        assertThat(create.uniqueId()).isEqualTo(CALL_UUID);
        assertThat(create.header("FreeSWITCH-IPv6")).isEqualTo("::1");
        assertThat(create.header("Event-Date-GMT")).isEqualTo("Sun, 29 Nov 2026 07:22:40 GMT");
        assertThat(create.header("variable_dialer_node")).isEqualTo("app07");
        assertThat(create.body()).isEmpty();
    }

    @Test
    void hangupCompleteCarriesCauseSipStatusAndBillsec() {
        EslEvent hangup = PlainEventParser.parse(
                decodeOne(WireSamples.frame("server", "CHANNEL_HANGUP_COMPLETE, answered")).body());

        assertThat(hangup.name()).isEqualTo("CHANNEL_HANGUP_COMPLETE");
        assertThat(hangup.header("Hangup-Cause")).isEqualTo("NORMAL_CLEARING");
        assertThat(hangup.header("variable_sip_term_status")).isEqualTo("200");
        assertThat(hangup.header("variable_billsec")).isEqualTo("13");
        assertThat(hangup.header("variable_proto_specific_hangup_cause")).isEqualTo("sip:200");
    }

    @Test
    void backgroundJobCarriesItsResultAsInnerBodyAndTheDecodedCommandArgument() {
        EslEvent answered = PlainEventParser.parse(
                decodeOne(WireSamples.frame("server", "BACKGROUND_JOB for an answered")).body());
        EslEvent gatewayDown = PlainEventParser.parse(
                decodeOne(WireSamples.frame("server", "BACKGROUND_JOB when the gateway is down")).body());

        assertThat(answered.jobUuid()).isEqualTo("7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14");
        assertThat(answered.body()).isEqualTo("+OK " + CALL_UUID + "\n");
        assertThat(answered.header("Job-Command-Arg")).isEqualTo("{origination_uuid=" + CALL_UUID
                + ",dialer_node=app07,campaign_id=c42,task_id=t1001}sofia/gateway/gw1/15551234567 &park()");
        assertThat(gatewayDown.body()).isEqualTo("-ERR GATEWAY_DOWN\n");
    }

    @Test
    void heartbeatIsAnEventWithDecodedInfo() {
        EslEvent heartbeat = PlainEventParser.parse(decodeOne(WireSamples.frame("server", "HEARTBEAT")).body());

        assertThat(heartbeat.name()).isEqualTo("HEARTBEAT");
        assertThat(heartbeat.header("Event-Info")).isEqualTo("System Ready");
    }

    @Test
    void disconnectNoticeKeepsItsBody() {
        String golden = WireSamples.fromServer().stream()
                .map(WireSamples.Sample::frame)
                .filter(frame -> frame.contains("text/disconnect-notice"))
                .findFirst()
                .orElseThrow();

        EslFrame notice = decodeOne(golden);

        assertThat(notice.contentType()).isEqualTo("text/disconnect-notice");
        assertThat(notice.body()).startsWith("Disconnected, goodbye.");
    }

    @Test
    void multiByteCharactersCountAsBytesInContentLength() {
        String body = "caf\u00e9 \u2713";
        String frame = "Content-Type: api/response\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\n\n" + body + "Content-Type: command/reply\nReply-Text: +OK\n\n";

        List<EslFrame> frames = decode(List.of(bytes(frame)));

        assertThat(frames).extracting(EslFrame::body).containsExactly(body, "");
    }

    private static EslFrame decodeOne(String frame) {
        List<EslFrame> frames = decode(List.of(bytes(frame)));
        assertThat(frames).hasSize(1);
        return frames.get(0);
    }

    private static List<EslFrame> decode(List<byte[]> chunks) {
        EmbeddedChannel channel = new EmbeddedChannel(new EslFrameDecoder());
        for (byte[] chunk : chunks) {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        }
        List<EslFrame> frames = new ArrayList<>();
        EslFrame frame;
        while ((frame = channel.readInbound()) != null) {
            frames.add(frame);
        }
        channel.finishAndReleaseAll();
        return frames;
    }

    private static byte[] allServerFrames() {
        StringBuilder all = new StringBuilder();
        WireSamples.fromServer().forEach(sample -> all.append(sample.frame()));
        return bytes(all.toString());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
