package io.outdial.app.campaign;

import io.outdial.app.web.InputRules;
import io.outdial.workflows.campaign.PacingChange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new campaign, created as DRAFT.
 *
 * @param name               what campaign managers call it
 * @param caps               calls attempted per second, at most
 * @param maxConcurrency     calls in flight at once, at most
 * @param ringTimeoutSeconds how long a callee's phone may ring (5 to 300, default 30)
 * @param tenant             the business unit's name (default {@code default})
 * @param pool               the resource pool's name (default {@code shared}): a shared pool or one dedicated to the tenant
 * @param weight             its share of saturated shared lines relative to other campaigns (1 to 1000, default 1)
 * @param strategy           how it picks a line and FS node per call: RANDOM, ROUND_ROBIN (default) or BEST_CONNECT_RATE
 * @param maxAttempts        calls per task at most, counting business re-attempts of a callee that was busy or
 *                           did not answer (1 to 10, default 1: never called again)
 * @param reattemptDelaySeconds how long after such a call the task is called again (1 to 86400, default 300)
 */
public record CreateCampaignRequest(
        @NotBlank @Size(max = 200) @Pattern(regexp = InputRules.TEXT, message = "must not contain control characters or line breaks") String name,
        @NotNull @Min(1) @Max(PacingChange.MAX_CAPS) Integer caps,
        @NotNull @Min(1) @Max(PacingChange.MAX_CONCURRENCY) Integer maxConcurrency,
        @Min(5) @Max(300) Integer ringTimeoutSeconds,
        @Size(max = 100) String tenant,
        @Size(max = 100) String pool,
        @Min(1) @Max(1000) Integer weight,
        @Pattern(regexp = InputRules.STRATEGY) String strategy,
        @Min(1) @Max(10) Integer maxAttempts,
        @Min(1) @Max(86_400) Integer reattemptDelaySeconds) {

    /** A campaign with the default re-attempt policy (one call per task). */
    public CreateCampaignRequest(String name, Integer caps, Integer maxConcurrency, Integer ringTimeoutSeconds,
                                 String tenant, String pool, Integer weight, String strategy) {
        this(name, caps, maxConcurrency, ringTimeoutSeconds, tenant, pool, weight, strategy, null, null);
    }

    /** A campaign with the default weight (1) and strategy (ROUND_ROBIN). */
    public CreateCampaignRequest(String name, Integer caps, Integer maxConcurrency, Integer ringTimeoutSeconds,
                                 String tenant, String pool) {
        this(name, caps, maxConcurrency, ringTimeoutSeconds, tenant, pool, null, null, null, null);
    }
}
