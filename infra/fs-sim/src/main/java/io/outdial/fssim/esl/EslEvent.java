package io.outdial.fssim.esl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A FreeSWITCH event: headers in the order FS adds them (names may repeat, as {@code Hangup-Cause} does
 * on CHANNEL_HANGUP_COMPLETE) and an optional body. Serialises to the {@code text/event-plain} and
 * {@code text/event-json} frames of mod_event_socket.
 */
public final class EslEvent {

    private static final JsonFactory JSON = new JsonFactory();

    private final List<Map.Entry<String, String>> headers;
    private final String body;
    private volatile byte[] plainFrame;
    private volatile byte[] jsonFrame;

    private EslEvent(List<Map.Entry<String, String>> headers, String body) {
        this.headers = List.copyOf(headers);
        this.body = body;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String name() {
        return header("Event-Name");
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    public String body() {
        return body;
    }

    /** The first value of a header, compared case-insensitively as FS does; null when absent. */
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** The whole {@code text/event-plain} frame, outer headers included. */
    public byte[] plainFrame() {
        byte[] frame = plainFrame;
        if (frame == null) {
            StringBuilder inner = new StringBuilder(1024);
            for (Map.Entry<String, String> h : headers) {
                inner.append(h.getKey()).append(": ").append(FsUrlEncoder.encode(h.getValue())).append('\n');
            }
            if (body != null) {
                inner.append("Content-Length: ").append(utf8Length(body)).append("\n\n").append(body);
            } else {
                inner.append('\n');
            }
            frame = wrap("text/event-plain", inner.toString().getBytes(StandardCharsets.UTF_8));
            plainFrame = frame;
        }
        return frame;
    }

    /** The whole {@code text/event-json} frame: a JSON object of raw header values, the body as {@code _body}. */
    public byte[] jsonFrame() {
        byte[] frame = jsonFrame;
        if (frame == null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
            try (JsonGenerator g = JSON.createGenerator(out)) {
                g.writeStartObject();
                for (Map.Entry<String, String> h : headers) {
                    g.writeStringField(h.getKey(), h.getValue());
                }
                if (body != null) {
                    g.writeStringField("Content-Length", Integer.toString(utf8Length(body)));
                    g.writeStringField("_body", body);
                }
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            frame = wrap("text/event-json", out.toByteArray());
            jsonFrame = frame;
        }
        return frame;
    }

    private static byte[] wrap(String contentType, byte[] inner) {
        byte[] head = ("Content-Length: " + inner.length + "\nContent-Type: " + contentType + "\n\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[head.length + inner.length];
        System.arraycopy(head, 0, frame, 0, head.length);
        System.arraycopy(inner, 0, frame, head.length, inner.length);
        return frame;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Collects headers in order. */
    public static final class Builder {
        private final List<Map.Entry<String, String>> headers = new ArrayList<>(48);
        private String body;

        public Builder header(String name, Object value) {
            headers.add(Map.entry(name, String.valueOf(value)));
            return this;
        }

        public Builder body(String text) {
            this.body = text;
            return this;
        }

        public EslEvent build() {
            return new EslEvent(headers, body);
        }
    }
}
