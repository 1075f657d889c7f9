package io.outdial.app.fsnode;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/**
 * A change to an FS node; an absent field keeps its value. See {@link CreateFsNodeRequest} for the rules.
 *
 * @param pool        move it to this pool (409 while a line lists it explicitly)
 * @param eslHost     a new event socket host
 * @param eslPort     a new event socket port
 * @param eslPassword a new event socket password; never returned or logged
 * @param maxSessions a new session limit
 * @param caps        a new calls-per-second limit
 * @param enabled     false: rounds stop choosing it and this app node closes its ESL connection
 */
public record UpdateFsNodeRequest(
        @Pattern(regexp = InputRules.NAME) String pool,
        @Pattern(regexp = InputRules.HOST) String eslHost,
        @Min(1) @Max(65535) Integer eslPort,
        @Pattern(regexp = InputRules.ESL_PASSWORD) String eslPassword,
        @Min(1) @Max(1_000_000) Integer maxSessions,
        @Min(1) @Max(100_000) Integer caps,
        Boolean enabled) {

    @Override
    public String toString() {
        return "UpdateFsNodeRequest[pool=" + pool + ", eslHost=" + eslHost + ", eslPort=" + eslPort
                + ", eslPassword=" + (eslPassword == null ? "null" : "***") + ", maxSessions=" + maxSessions
                + ", caps=" + caps + ", enabled=" + enabled + "]";
    }
}
