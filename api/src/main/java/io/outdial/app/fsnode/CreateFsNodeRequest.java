package io.outdial.app.fsnode;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new FS node.
 *
 * @param id          its id, {@code ^[a-z0-9][a-z0-9_-]{0,31}$} (the tag on its calls' audit trail)
 * @param pool        the name of its pool
 * @param eslHost     the event socket's DNS host name or IP literal
 * @param eslPort     the event socket's port (8021 on a stock FreeSWITCH)
 * @param eslPassword the event socket's password: printable ASCII without spaces; never returned or logged
 * @param maxSessions calls it may carry at once
 * @param caps        calls it may start per second
 * @param enabled     whether rounds may choose it (default true)
 */
public record CreateFsNodeRequest(
        @NotNull @Pattern(regexp = InputRules.RESOURCE_ID) String id,
        @NotNull @Pattern(regexp = InputRules.NAME) String pool,
        @NotNull @Pattern(regexp = InputRules.HOST) String eslHost,
        @NotNull @Min(1) @Max(65535) Integer eslPort,
        @NotNull @Pattern(regexp = InputRules.ESL_PASSWORD) String eslPassword,
        @NotNull @Min(1) @Max(1_000_000) Integer maxSessions,
        @NotNull @Min(1) @Max(100_000) Integer caps,
        Boolean enabled) {

    @Override
    public String toString() {
        return "CreateFsNodeRequest[id=" + id + ", pool=" + pool + ", eslHost=" + eslHost + ", eslPort=" + eslPort
                + ", eslPassword=***, maxSessions=" + maxSessions + ", caps=" + caps + ", enabled=" + enabled + "]";
    }
}
