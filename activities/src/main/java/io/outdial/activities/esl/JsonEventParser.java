package io.outdial.activities.esl;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.CorruptedFrameException;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parses the body of a {@code text/event-json} frame: one JSON object whose fields are the headers
 * (not URL-encoded) and whose {@code _body} field, if present, is the event's own body.
 */
final class JsonEventParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonEventParser() {
    }

    static EslEvent parse(String frameBody) {
        JsonNode root;
        try {
            root = JSON.readTree(frameBody);
        } catch (JsonProcessingException e) {
            throw new CorruptedFrameException("malformed text/event-json body", e);
        }
        if (root == null || !root.isObject()) {
            throw new CorruptedFrameException("text/event-json body is not an object");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = root.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!"_body".equals(field.getKey())) {
                JsonNode value = field.getValue();
                headers.put(field.getKey(), value.isValueNode() ? value.asText() : value.toString());
            }
        }
        return new EslEvent(headers.getOrDefault("Event-Name", ""), headers, root.path("_body").asText(""));
    }
}
