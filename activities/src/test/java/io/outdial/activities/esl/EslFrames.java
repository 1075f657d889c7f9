package io.outdial.activities.esl;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds server frames the way FreeSWITCH writes them, for scripted tests. */
final class EslFrames {

    /** What a {@code bgapi originate} frame carried. */
    record Originate(String jobUuid, String originationUuid, String number, String command) {
    }

    private static final Pattern BGAPI = Pattern.compile(
            "bgapi (originate \\{origination_uuid=([^,]+),.*}sofia/gateway/[^/]+/(\\S+) &park\\(\\))\nJob-UUID: (\\S+)\n\n");

    private EslFrames() {
    }

    static String reply(String replyText) {
        return "Content-Type: command/reply\nReply-Text: " + replyText + "\n\n";
    }

    static String bgapiAccepted(String jobUuid) {
        return "Content-Type: command/reply\nReply-Text: +OK Job-UUID: " + jobUuid + "\nJob-UUID: " + jobUuid + "\n\n";
    }

    static String apiResponse(String body) {
        return "Content-Type: api/response\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length
                + "\n\n" + body;
    }

    /** A channel event of the call {@code uniqueId} with extra headers (values URL-encoded here). */
    static String channelEvent(String name, String uniqueId, long sequence, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", name);
        headers.put("Event-Sequence", Long.toString(sequence));
        headers.put("Unique-ID", uniqueId);
        headers.putAll(extra);
        return event(headers, null);
    }

    static String backgroundJob(String jobUuid, String command, String result) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", "BACKGROUND_JOB");
        headers.put("Job-UUID", jobUuid);
        headers.put("Job-Command", "originate");
        headers.put("Job-Command-Arg", command.substring("originate ".length()));
        return event(headers, result + "\n");
    }

    static String event(Map<String, String> headers, String body) {
        StringBuilder inner = new StringBuilder();
        headers.forEach((name, value) -> inner.append(name).append(": ").append(encode(value)).append('\n'));
        if (body != null) {
            inner.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\n\n")
                    .append(body);
        } else {
            inner.append('\n');
        }
        return "Content-Length: " + inner.toString().getBytes(StandardCharsets.UTF_8).length
                + "\nContent-Type: text/event-plain\n\n" + inner;
    }

    static Originate parseOriginate(String frame) {
        Matcher matcher = BGAPI.matcher(frame);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a bgapi originate frame: " + frame);
        }
        return new Originate(matcher.group(4), matcher.group(2), matcher.group(3), matcher.group(1));
    }

    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c <= ' ' || c >= 0x7f || "%&+:;<=>?@[\\]^`{|}\"#".indexOf(c) >= 0) {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            } else {
                encoded.append(c);
            }
        }
        return encoded.toString();
    }
}
