package io.outdial.app.call;

import io.outdial.activities.esl.NumberMask;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * One call task as a search lists it.
 *
 * @param taskId           the task's id
 * @param campaignId       its campaign
 * @param status           QUEUED, DIALING, DONE or CANCELLED
 * @param outcome          the outcome of its latest recorded attempt, or {@code null}
 * @param faultClass       the fault class of its latest recorded attempt, or {@code null}
 * @param attempts         dial attempts, failovers included
 * @param businessAttempts call workflows started for it (business re-attempts included)
 * @param phoneNumber      the E.164 number; masked (last 4 digits kept) for viewers
 * @param externalId       the caller's idempotency key, or {@code null}
 * @param externalRef      the caller's free label, or {@code null}
 * @param firstAttemptAt   when its first attempt started, or {@code null}
 * @param lastAttemptAt    when its latest attempt started, or {@code null}
 * @param workflowId       its latest call workflow, or {@code null} if never dialled
 */
@Schema(description = "One call task as a search lists it")
public record CallSummary(long taskId, long campaignId, String status, String outcome, String faultClass,
                          int attempts, int businessAttempts,
                          @Schema(description = "E.164; masked as ********4567 for viewers") String phoneNumber,
                          String externalId, String externalRef, Instant firstAttemptAt, Instant lastAttemptAt,
                          String workflowId) {

    CallSummary masked() {
        return new CallSummary(taskId, campaignId, status, outcome, faultClass, attempts, businessAttempts,
                NumberMask.mask(phoneNumber), externalId, externalRef, firstAttemptAt,
                lastAttemptAt, workflowId);
    }
}
