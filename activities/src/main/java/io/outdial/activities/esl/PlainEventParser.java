package io.outdial.activities.esl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the body of a {@code text/event-plain} frame: URL-encoded {@code Name: value} lines, a blank
 * line, then, if the event has its own {@code Content-Length}, that many bytes of event body.
 */
final class PlainEventParser {

    private PlainEventParser() {
    }

    static EslEvent parse(String frameBody) {
        Map<String, String> headers = new LinkedHashMap<>();
        int position = 0;
        int length = frameBody.length();
        while (position < length) {
            int eol = frameBody.indexOf('\n', position);
            int end = eol < 0 ? length : eol;
            String line = frameBody.substring(position, end);
            position = eol < 0 ? length : eol + 1;
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty()) {
                break;
            }
            EslHeaderLine.addTo(headers, line, true);
        }
        String name = headers.getOrDefault("Event-Name", "");
        return new EslEvent(name, headers, innerBody(headers.get("Content-Length"), frameBody.substring(position)));
    }

    private static String innerBody(String contentLength, String rest) {
        if (contentLength == null) {
            return "";
        }
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        int length;
        try {
            length = Math.max(0, Math.min(bytes.length, Integer.parseInt(contentLength.trim())));
        } catch (NumberFormatException e) {
            length = bytes.length;
        }
        return new String(Arrays.copyOf(bytes, length), StandardCharsets.UTF_8);
    }
}
