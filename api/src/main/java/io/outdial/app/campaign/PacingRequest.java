package io.outdial.app.campaign;

import io.outdial.workflows.campaign.PacingChange;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * A live pacing change; a missing field keeps its value.
 *
 * @param caps           new calls-per-second limit
 * @param maxConcurrency new concurrency limit
 */
public record PacingRequest(@Min(1) @Max(PacingChange.MAX_CAPS) Integer caps,
                            @Min(1) @Max(PacingChange.MAX_CONCURRENCY) Integer maxConcurrency) {
}
