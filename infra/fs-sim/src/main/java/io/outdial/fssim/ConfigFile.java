package io.outdial.fssim;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a JSON config file with {@link SimConfig}'s field names. Fields left out keep the values of
 * {@link SimConfig#defaults()}; a gateway's left-out fields keep those of {@link GatewayConfig#named}.
 */
public final class ConfigFile {

    private final ObjectMapper mapper = FsSim.jsonMapper()
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public SimConfig read(Path file) throws IOException {
        return parse(Files.readString(file));
    }

    public SimConfig parse(String json) throws IOException {
        JsonNode given = mapper.readTree(json);
        if (!(given instanceof ObjectNode fields)) {
            throw new IOException("config must be a JSON object");
        }
        ObjectNode merged = mapper.valueToTree(SimConfig.defaults());
        merged.setAll(fields);
        if (fields.get("gateways") instanceof ArrayNode gateways) {
            ArrayNode completed = mapper.createArrayNode();
            for (JsonNode gw : gateways) {
                if (!(gw instanceof ObjectNode gwFields) || !gw.hasNonNull("name")) {
                    throw new IOException("each gateway needs a name");
                }
                ObjectNode full = mapper.valueToTree(GatewayConfig.named(gw.get("name").asText()));
                full.setAll(gwFields);
                completed.add(full);
            }
            merged.set("gateways", completed);
        }
        return mapper.treeToValue(merged, SimConfig.class);
    }

    /** The config as JSON, in the file format. */
    public String write(SimConfig config) throws IOException {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(config);
    }
}
