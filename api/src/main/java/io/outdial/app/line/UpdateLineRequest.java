package io.outdial.app.line;

import io.outdial.activities.esl.NumberMask;
import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A change to a line; an absent field keeps its value. See {@link CreateLineRequest} for the rules.
 *
 * @param pool           move it to this pool (its FS nodes, new or kept, must be in that pool)
 * @param gateway        a new gateway name
 * @param caps           a new calls-per-second limit
 * @param maxConcurrency a new concurrency limit
 * @param callerId       a new caller id
 * @param enabled        false: rounds stop choosing it from their next round on
 * @param fsNodes        replaces its FS nodes; an empty list: every node of the pool
 */
public record UpdateLineRequest(
        @Pattern(regexp = InputRules.NAME) String pool,
        @Pattern(regexp = InputRules.GATEWAY) String gateway,
        @Min(1) @Max(100_000) Integer caps,
        @Min(1) @Max(1_000_000) Integer maxConcurrency,
        @Pattern(regexp = InputRules.CALLER_ID) String callerId,
        Boolean enabled,
        @Size(max = 100) List<@NotNull @Pattern(regexp = InputRules.RESOURCE_ID) String> fsNodes) {

    /** For logs: the caller id is a phone number, so only its last digits show. */
    @Override
    public String toString() {
        return "UpdateLineRequest[pool=" + pool + ", gateway=" + gateway + ", caps=" + caps + ", maxConcurrency="
                + maxConcurrency + ", callerId=" + (callerId == null ? "null" : NumberMask.mask(callerId))
                + ", enabled=" + enabled + ", fsNodes=" + fsNodes + "]";
    }
}
