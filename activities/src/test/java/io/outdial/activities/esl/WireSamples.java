package io.outdial.activities.esl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The golden ESL frames of {@code esl/wire-samples.json} (shipped by fs-sim; the shared copy as fallback). */
final class WireSamples {

    record Sample(String title, String from, String frame) {
        boolean fromServer() {
            return "server".equals(from);
        }
    }

    private static final Path SHARED_COPY = Path.of("/work/shared/esl/wire-samples.json");

    private WireSamples() {
    }

    static List<Sample> all() {
        try (InputStream in = open()) {
            JsonNode root = new ObjectMapper().readTree(in);
            List<Sample> samples = new ArrayList<>();
            for (JsonNode frame : root.get("frames")) {
                samples.add(new Sample(frame.get("title").asText(), frame.get("from").asText(),
                        frame.get("frame").asText()));
            }
            return samples;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Sample> fromServer() {
        return all().stream().filter(Sample::fromServer).toList();
    }

    static List<Sample> fromClient() {
        return all().stream().filter(sample -> !sample.fromServer()).toList();
    }

    /** The first frame sent by {@code from} whose title starts with {@code titlePrefix}. */
    static String frame(String from, String titlePrefix) {
        return all().stream()
                .filter(sample -> sample.from().equals(from) && sample.title().startsWith(titlePrefix))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no sample " + titlePrefix))
                .frame();
    }

    private static InputStream open() throws IOException {
        InputStream resource = WireSamples.class.getClassLoader().getResourceAsStream("esl/wire-samples.json");
        return resource != null ? resource : Files.newInputStream(SHARED_COPY);
    }
}
