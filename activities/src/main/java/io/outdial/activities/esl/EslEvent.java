package io.outdial.activities.esl;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One FreeSWITCH event, immutable.
 *
 * @param name    {@code Event-Name}
 * @param headers the event's headers in wire order, values URL-decoded
 * @param body    the event's own body (a BACKGROUND_JOB's result); empty if none
 */
public record EslEvent(String name, Map<String, String> headers, String body) {

    public EslEvent {
        Objects.requireNonNull(name, "name");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        body = body == null ? "" : body;
    }

    /** The value of a header, or {@code null} if the event does not carry it. */
    public String header(String headerName) {
        return headers.get(headerName);
    }

    /** {@code Unique-ID}: the channel uuid of a channel event. */
    public String uniqueId() {
        return headers.get("Unique-ID");
    }

    /** {@code Job-UUID} of a BACKGROUND_JOB event. */
    public String jobUuid() {
        return headers.get("Job-UUID");
    }
}
