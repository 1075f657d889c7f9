package io.outdial.app.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Reads the FreeSWITCH simulator's observer API over HTTP, as an outside judge of the engine. */
final class SimObserver {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json;
    private final URI statsUri;

    SimObserver(String baseUrl, ObjectMapper json) {
        this.statsUri = URI.create(baseUrl + "/sim/stats");
        this.json = json;
    }

    Stats stats() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(statsUri).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + statsUri + " answered " + response.statusCode());
        }
        return json.readValue(response.body(), Stats.class);
    }

    /**
     * The part of {@code GET /sim/stats} the demo checks.
     *
     * @param originates                originate commands received, all nodes
     * @param maxOriginatesInAnySecond  the highest per-second originate count of each gateway
     * @param gatewayCaps               the CAPS of each gateway
     * @param numbersDialedMoreThanOnce numbers dialed at least twice
     * @param outcomes                  finished originates by cause
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stats(long originates, Map<String, Long> maxOriginatesInAnySecond, Map<String, Integer> gatewayCaps,
                 long numbersDialedMoreThanOnce, Map<String, Long> outcomes) {
    }
}
