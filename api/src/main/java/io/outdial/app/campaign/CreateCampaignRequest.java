package io.outdial.app.campaign;

import io.outdial.workflows.campaign.PacingChange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new campaign, created as DRAFT.
 *
 * @param name               what campaign managers call it
 * @param caps               calls attempted per second, at most
 * @param maxConcurrency     calls in flight at once, at most
 * @param ringTimeoutSeconds how long a callee's phone may ring (5 to 300, default 30)
 * @param tenant             the business unit's name (default {@code default})
 * @param pool               the resource pool's name (default {@code shared})
 */
public record CreateCampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Min(1) @Max(PacingChange.MAX_CAPS) Integer caps,
        @NotNull @Min(1) @Max(PacingChange.MAX_CONCURRENCY) Integer maxConcurrency,
        @Min(5) @Max(300) Integer ringTimeoutSeconds,
        @Size(max = 100) String tenant,
        @Size(max = 100) String pool) {
}
