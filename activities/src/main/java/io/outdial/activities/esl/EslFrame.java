package io.outdial.activities.esl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One ESL frame as it came off the socket: its outer headers (not URL-decoded) and its body
 * ({@code Content-Length} bytes, empty if none).
 */
record EslFrame(Map<String, String> headers, String body) {

    EslFrame {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    String header(String name) {
        return headers.get(name);
    }

    String contentType() {
        String type = headers.get("Content-Type");
        return type == null ? "" : type;
    }
}
