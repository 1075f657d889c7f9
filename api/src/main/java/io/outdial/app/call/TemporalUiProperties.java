package io.outdial.app.call;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.web.util.UriUtils;
import java.nio.charset.StandardCharsets;

/**
 * Where people open the Temporal Web UI (prefix {@code outdial.temporal-ui}).
 *
 * @param baseUrl the Web UI's base URL, e.g. {@code https://temporal.example.com}; links are
 *                {@code <baseUrl>/namespaces/<namespace>/workflows/<workflowId>}
 */
@ConfigurationProperties("outdial.temporal-ui")
public record TemporalUiProperties(@DefaultValue("http://127.0.0.1:8233") String baseUrl) {

    /** The Web UI page of one workflow. */
    public String workflowUrl(String namespace, String workflowId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return base + "/namespaces/" + UriUtils.encodePathSegment(namespace, StandardCharsets.UTF_8)
                + "/workflows/" + UriUtils.encodePathSegment(workflowId, StandardCharsets.UTF_8);
    }
}
