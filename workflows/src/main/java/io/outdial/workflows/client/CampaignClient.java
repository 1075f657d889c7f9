package io.outdial.workflows.client;

import io.outdial.workflows.campaign.CampaignInput;
import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.CampaignWorkflow;
import io.outdial.workflows.campaign.CancelRequest;
import io.outdial.workflows.campaign.InputClosed;
import io.outdial.workflows.campaign.NewTask;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.PacingChange;
import io.outdial.workflows.campaign.PauseRequest;
import io.outdial.workflows.campaign.ResumeRequest;
import io.outdial.workflows.campaign.TaskBatch;
import io.outdial.workflows.campaign.TasksAdded;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.Supplier;

/**
 * Steers campaigns from a business system through Temporal: start, add tasks, pause, resume, cancel,
 * close the input, change the pacing, read the progress. Each method is one Temporal call on the campaign's
 * workflow ({@code campaign-<campaignId>} on the {@value TaskQueues#CAMPAIGNS} queue); none places or
 * ends a call, and outcomes of single calls are never sent to a campaign.
 *
 * <p>A campaign is defined (tenant, pool, pacing defaults) in PostgreSQL through the REST API first;
 * this client steers it from then on. Thread-safe: share one per {@link WorkflowClient}.
 */
public final class CampaignClient {

    private final WorkflowClient client;

    public CampaignClient(WorkflowClient client) {
        this.client = client;
    }

    /**
     * Starts the campaign's workflow and returns its id, {@code campaign-<campaignId>}. The campaign must
     * exist in PostgreSQL as a DRAFT: the workflow's first step marks it RUNNING and queues its tasks; for a
     * campaign id that does not exist or has ended, the workflow fails at once with the failure type
     * {@code CampaignNotFound} or {@code CampaignEnded} (this method has returned by then).
     *
     * @param pacing      the initial pacing (calls per second, calls in flight at once)
     * @param inputClosed true when every task has been added already and none will follow
     * @throws CampaignAlreadyStartedException if the campaign's workflow was ever started, running or not
     * @throws CampaignClientException         if Temporal could not be reached or refused the start
     */
    public String start(long campaignId, Pacing pacing, boolean inputClosed) {
        String workflowId = WorkflowIds.campaign(campaignId);
        CampaignWorkflow workflow = client.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.CAMPAIGNS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            return WorkflowClient.start(workflow::run, CampaignInput.start(campaignId, pacing, inputClosed))
                    .getWorkflowId();
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new CampaignAlreadyStartedException(campaignId, e);
        } catch (WorkflowException e) {
            throw new CampaignClientException(campaignId, "campaign " + campaignId + " could not be started", e);
        }
    }

    /**
     * Adds 1 to 1,000 tasks (the {@code addTasks} update) and returns what became of each: added, existing
     * (its external id was added before with the same number) or rejected with its index and a reason (a bad
     * number, an external id reused for another number). Returns once the tasks are stored and queued. The
     * batch is stored once however often the server retries it; if this call itself fails (a timeout) and the
     * batch is sent again, only external ids prevent duplicates, or use
     * {@link #addTasks(long, String, List, boolean)}.
     *
     * @param last true when no more tasks will follow: closes the input once the batch is stored
     * @throws CampaignRequestRejectedException if the batch is empty or too large, or the campaign ended or
     *                                          its input is closed; nothing was added
     * @throws CampaignNotRunningException      if the campaign's workflow is not running
     * @throws CampaignClientException          if Temporal could not be reached
     */
    public TasksAdded addTasks(long campaignId, List<NewTask> tasks, boolean last) {
        return call(campaignId, () -> stub(campaignId).addTasks(new TaskBatch(tasks, last)));
    }

    /**
     * {@link #addTasks(long, List, boolean)} with a batch id of the caller's choosing (the Temporal update id,
     * at most 100 characters): sending the same batch id again, after a timeout or a crash, never adds its
     * tasks twice, even without external ids, and returns the result of the first send while the same run of
     * the campaign workflow holds it.
     *
     * @throws CampaignRequestRejectedException as {@link #addTasks(long, List, boolean)}
     * @throws CampaignNotRunningException      if the campaign's workflow is not running
     * @throws CampaignClientException          if Temporal could not be reached
     */
    public TasksAdded addTasks(long campaignId, String batchId, List<NewTask> tasks, boolean last) {
        UpdateOptions<TasksAdded> options = UpdateOptions.newBuilder(TasksAdded.class)
                .setUpdateName("addTasks")
                .setUpdateId(batchId)
                .setWaitForStage(WorkflowUpdateStage.COMPLETED)
                .build();
        return call(campaignId, () -> WorkflowStub.fromTyped(stub(campaignId))
                .startUpdate(options, new TaskBatch(tasks, last))
                .getResult());
    }

    /**
     * Stops releasing calls (the {@code pause} signal); calls in flight go on. Pausing a paused campaign
     * changes nothing. Returns once the signal is recorded, before the workflow handled it.
     *
     * @param reason free text for the audit trail
     * @throws CampaignNotRunningException if the campaign's workflow is not running
     */
    public void pause(long campaignId, String reason) {
        call(campaignId, () -> {
            stub(campaignId).pause(new PauseRequest(reason));
            return null;
        });
    }

    /**
     * Releases calls again after {@link #pause} (the {@code resume} signal); resuming a running campaign
     * changes nothing.
     *
     * @throws CampaignNotRunningException if the campaign's workflow is not running
     */
    public void resume(long campaignId, String reason) {
        call(campaignId, () -> {
            stub(campaignId).resume(new ResumeRequest(reason));
            return null;
        });
    }

    /**
     * Ends the campaign (the {@code cancel} signal): queued tasks are cancelled, calls in flight go on to
     * their end, then the workflow completes with status CANCELLED.
     *
     * @throws CampaignNotRunningException if the campaign's workflow is not running
     */
    public void cancel(long campaignId, String reason) {
        call(campaignId, () -> {
            stub(campaignId).cancel(new CancelRequest(reason));
            return null;
        });
    }

    /**
     * Declares that no more tasks will come (an {@code addTasks} update with no task and {@code last}), in
     * PostgreSQL and in the workflow: the campaign completes once its queue is drained and no call is in
     * flight. Returns once the input is closed.
     *
     * @throws CampaignRequestRejectedException if the input was closed already or the campaign ended
     * @throws CampaignNotRunningException      if the campaign's workflow is not running
     */
    public void closeInput(long campaignId) {
        addTasks(campaignId, List.of(), true);
    }

    /**
     * Changes the pacing from the next round on (the {@code changePacing} update); a {@code null} keeps the
     * current value. Returns the pacing now in force. The workflow records it in PostgreSQL soon after.
     *
     * @param caps           calls per second, 1 to {@link PacingChange#MAX_CAPS}, or null
     * @param maxConcurrency calls in flight at once, 1 to {@link PacingChange#MAX_CONCURRENCY}, or null
     * @throws CampaignRequestRejectedException with the validator's message for a value out of range, a change
     *                                          with neither value, or a campaign that has ended
     * @throws CampaignNotRunningException      if the campaign's workflow is not running
     */
    public Pacing changePacing(long campaignId, Integer caps, Integer maxConcurrency) {
        return call(campaignId, () -> stub(campaignId).changePacing(new PacingChange(caps, maxConcurrency)));
    }

    /**
     * The campaign's progress as its workflow knows it (the {@code progress} query): status, pacing, whether
     * the input is closed, rounds, calls released, tasks queued and calls in flight as of the last round.
     * Works on an ended workflow too, while Temporal keeps its history.
     *
     * @throws CampaignNotRunningException if the campaign's workflow was never started (or is forgotten)
     */
    public CampaignProgress progress(long campaignId) {
        return call(campaignId, () -> stub(campaignId).progress());
    }

    private CampaignWorkflow stub(long campaignId) {
        return client.newWorkflowStub(CampaignWorkflow.class, WorkflowIds.campaign(campaignId));
    }

    private static <T> T call(long campaignId, Supplier<T> call) {
        try {
            return call.get();
        } catch (WorkflowNotFoundException e) {
            throw new CampaignNotRunningException(campaignId, e);
        } catch (WorkflowUpdateException e) {
            ApplicationFailure failure = applicationFailure(e);
            String reason = failure != null ? failure.getOriginalMessage()
                    : e.getCause() != null ? e.getCause().getMessage() : "rejected by the campaign";
            throw new CampaignRequestRejectedException(campaignId, reason,
                    failure == null ? null : failure.getType(), e);
        } catch (WorkflowException e) {
            throw new CampaignClientException(campaignId, "campaign " + campaignId + ": " + e.getMessage(), e);
        }
    }

    /** The innermost application failure: the validator's, or the one an activity of the update failed with. */
    private static ApplicationFailure applicationFailure(Throwable e) {
        ApplicationFailure found = null;
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ApplicationFailure failure) {
                found = failure;
            }
        }
        return found;
    }
}
