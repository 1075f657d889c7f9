package io.outdial.app.line;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new line. The gateway and caller id reach ESL originate commands, so both are checked against a
 * strict alphabet.
 *
 * @param id             its id, {@code ^[a-z0-9][a-z0-9_-]{0,31}$}
 * @param pool           the name of its pool
 * @param gateway        the sofia gateway's name, {@code ^[A-Za-z0-9_.-]{1,64}$}
 * @param caps           call attempts the carrier accepts per second
 * @param maxConcurrency calls the carrier carries at once
 * @param callerId       the caller id to present, {@code ^\+?[0-9]{3,20}$}
 * @param enabled        whether rounds may choose it (default true)
 * @param fsNodes        ids of the FS nodes of the same pool that carry the gateway; absent or empty: every node of the pool
 */
public record CreateLineRequest(
        @NotNull @Pattern(regexp = InputRules.RESOURCE_ID) String id,
        @NotNull @Pattern(regexp = InputRules.NAME) String pool,
        @NotNull @Pattern(regexp = InputRules.GATEWAY) String gateway,
        @NotNull @Min(1) @Max(100_000) Integer caps,
        @NotNull @Min(1) @Max(1_000_000) Integer maxConcurrency,
        @Pattern(regexp = InputRules.CALLER_ID) String callerId,
        Boolean enabled,
        @Size(max = 100) List<@NotNull @Pattern(regexp = InputRules.RESOURCE_ID) String> fsNodes) {
}
