package io.outdial.activities.esl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * FreeSWITCH's answer to one command: a {@code command/reply} (its verdict is {@code Reply-Text}) or
 * an {@code api/response} (its output is the body).
 *
 * @param headers the reply's headers
 * @param body    the reply's body; empty if none
 */
public record EslReply(Map<String, String> headers, String body) {

    public EslReply {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    public String contentType() {
        return headers.getOrDefault("Content-Type", "");
    }

    /** {@code Reply-Text}, e.g. {@code +OK accepted}; {@code null} for an api response. */
    public String replyText() {
        return headers.get("Reply-Text");
    }

    /** Whether a command reply says {@code +OK}. */
    public boolean isOk() {
        String text = replyText();
        return text != null && text.startsWith("+OK");
    }
}
