package io.outdial.workflows.campaign;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/**
 * The scheduler of one campaign, with workflow id {@code campaign-<campaignId>}
 * ({@link io.outdial.workflows.common.WorkflowIds#campaign}) on the
 * {@link io.outdial.workflows.common.TaskQueues#CAMPAIGNS} queue.
 *
 * <p>Once a second, aligned to the whole second, it runs one round
 * ({@link CampaignActivities#releaseRound}) that releases as many calls as the pacing and the
 * resources allow; a failed round is skipped, never retried into the next second. While the last
 * round found the queue empty it runs a round every few whole seconds instead, and a signal or
 * update wakes it at once. It completes when the input is closed, the queue is empty and no call is
 * in flight; it continues as new when the server suggests it or after a bounded number of rounds,
 * carrying its state. Outcomes of single calls are never signalled to it.
 */
@WorkflowInterface
public interface CampaignWorkflow {

    /** Runs the campaign to its end. */
    @WorkflowMethod(name = "Campaign")
    CampaignResult run(CampaignInput input);

    /** Stops releasing calls until {@link #resume}; calls in flight go on. */
    @SignalMethod(name = "pause")
    void pause(PauseRequest request);

    /** Releases calls again after {@link #pause}. */
    @SignalMethod(name = "resume")
    void resume(ResumeRequest request);

    /** Ends the campaign: cancels queued tasks, lets calls in flight finish. */
    @SignalMethod(name = "cancel")
    void cancel(CancelRequest request);

    /** No more tasks will be added; the campaign may complete once its queue is drained. */
    @SignalMethod(name = "inputClosed")
    void inputClosed(InputClosed request);

    /** Changes the pacing from the next round on; returns the pacing now in force. */
    @UpdateMethod(name = "changePacing")
    Pacing changePacing(PacingChange change);

    /**
     * Rejects (with an {@link IllegalArgumentException} the client sees) a pacing change with a value
     * out of range, one with neither value, or one sent after the campaign ended or was cancelled.
     */
    @UpdateValidatorMethod(updateName = "changePacing")
    void validateChangePacing(PacingChange change);

    /**
     * Adds a batch of tasks through the {@code AddTasks} activity and returns what became of each: every
     * number is validated and normalised in the tenant's default region, bad ones are rejected with their
     * index and a reason, tasks whose external id the campaign already has are reported as existing, the
     * others are stored and queued. With {@code last}, the input is closed too (in PostgreSQL and in the
     * workflow, as {@link #inputClosed} does). A batch is stored at most once per update id, however often
     * the activity is retried; a batch re-sent under a new update id is deduplicated by external id only.
     * A campaign idle on an empty queue wakes up at once.
     */
    @UpdateMethod(name = "addTasks")
    TasksAdded addTasks(TaskBatch batch);

    /**
     * Rejects (with an {@link IllegalArgumentException} the client sees) a batch without tasks (unless it
     * is {@code last}), one of more than {@link TaskBatch#MAX_TASKS} tasks or with a null task, and one
     * sent after the campaign ended or was cancelled, or after its input was closed.
     */
    @UpdateValidatorMethod(updateName = "addTasks")
    void validateAddTasks(TaskBatch batch);

    /** The campaign's progress as the workflow knows it. */
    @QueryMethod(name = "progress")
    CampaignProgress progress();
}
