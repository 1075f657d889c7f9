package io.outdial.fssim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The golden ESL frames of classpath resource {@code esl/wire-samples.json}. */
public final class WireSamples {

    private static final List<JsonNode> FRAMES = load();

    private WireSamples() {
    }

    /** The n-th (0-based) frame sent by {@code from} ("client" or "server") under {@code title}. */
    public static String frame(String title, String from, int n) {
        List<String> matches = new ArrayList<>();
        for (JsonNode f : FRAMES) {
            if (f.get("title").asText().equals(title) && f.get("from").asText().equals(from)) {
                matches.add(f.get("frame").asText());
            }
        }
        if (n >= matches.size()) {
            throw new IllegalArgumentException("no frame #" + n + " from " + from + " titled " + title);
        }
        return matches.get(n);
    }

    public static String server(String title) {
        return frame(title, "server", 0);
    }

    public static String client(String title) {
        return frame(title, "client", 0);
    }

    /** Header names of an event frame's inner body, in order. */
    public static List<String> eventHeaderNames(String frame) {
        String inner = frame.substring(frame.indexOf("\n\n") + 2);
        String head = inner.substring(0, inner.indexOf("\n\n"));
        List<String> names = new ArrayList<>();
        for (String line : head.split("\n")) {
            names.add(line.substring(0, line.indexOf(':')));
        }
        return names;
    }

    /** The raw (URL-encoded) value of the first inner header {@code name} of an event frame. */
    public static String eventHeader(String frame, String name) {
        String inner = frame.substring(frame.indexOf("\n\n") + 2);
        for (String line : inner.split("\n")) {
            if (line.startsWith(name + ": ")) {
                return line.substring(name.length() + 2);
            }
        }
        return null;
    }

    private static List<JsonNode> load() {
        try (InputStream in = WireSamples.class.getResourceAsStream("/esl/wire-samples.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).get("frames").forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
