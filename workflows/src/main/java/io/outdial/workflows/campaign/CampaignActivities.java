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
     * whenever either changes. The first record of a DRAFT campaign starts it, as the REST start does:
     * it sets the workflow id and rebuilds the campaign's queue from its QUEUED tasks. Idempotent. Fails
     * with the non-retryable {@link CampaignFailures#CAMPAIGN_NOT_FOUND} or
     * {@link CampaignFailures#CAMPAIGN_ENDED} when there is no such campaign or it has ended.
     */
    @ActivityMethod(name = "RecordCampaignStatus")
    StatusRecorded recordStatus(StatusChange change);

    /**
     * Stores a batch of tasks (the {@code addTasks} update): validates every number with the tenant's default
     * region and rejects bad ones with their index and a reason that never quotes the number; a task whose
     * external id the campaign has with the same number counts as existing, with another number it is
     * rejected; inserts the others in one transaction, then appends their ids to the campaign's queue. With
     * {@code closeInput}, closes the campaign's input in the same transaction. Idempotent per
     * (campaignId, batchKey): a retry stores nothing new and queues the batch's tasks again (harmless).
     * Fails with the non-retryable {@link CampaignFailures#CAMPAIGN_NOT_FOUND} or
     * {@link CampaignFailures#INPUT_CLOSED} when the campaign does not exist or takes no more tasks.
     */
    @ActivityMethod(name = "AddTasks")
    TasksAdded addTasks(AddTasksRequest request);

    /** Records the end of the campaign; on cancel, cancels every task still queued. Idempotent. */
    @ActivityMethod(name = "FinishCampaign")
    FinishResult finish(FinishRequest request);
}
