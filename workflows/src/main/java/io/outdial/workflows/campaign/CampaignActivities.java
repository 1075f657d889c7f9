package io.outdial.workflows.campaign;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of a campaign workflow. Run on the campaigns task queue. */
@ActivityInterface
public interface CampaignActivities {

    /**
     * Releases one round of calls: reserves CAPS tokens of {@code secondEpochMs} and concurrency
     * slots for the campaign, an FS node and a line per call; leases tasks from the campaign's queue,
     * moves each QUEUED to DIALING under an optimistic lock (a task that loses the race is dropped,
     * not dialed) and starts one {@link io.outdial.workflows.call.CallWorkflow} per task with the id
     * {@code call-<campaignId>-<taskId>}, or {@code call-<campaignId>-<taskId>-<n>} for a business
     * re-attempt n &gt;= 2 (already started counts as started). Idempotent per
     * (campaignId, roundNo); stays inside a 900 ms budget and returns reservations it did not use.
     */
    @ActivityMethod(name = "ReleaseRound")
    RoundResult releaseRound(RoundRequest request);

    /**
     * Records the campaign's status (RUNNING, PAUSED) and the pacing in force, at the first start and
     * whenever either changes. Idempotent.
     */
    @ActivityMethod(name = "RecordCampaignStatus")
    StatusRecorded recordStatus(StatusChange change);

    /** Records the end of the campaign; on cancel, cancels every task still queued. Idempotent. */
    @ActivityMethod(name = "FinishCampaign")
    FinishResult finish(FinishRequest request);
}
