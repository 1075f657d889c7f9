package io.outdial.workflows.campaign;

import io.outdial.workflows.campaign.CampaignInput.CarriedState;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.UpdateInfo;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import org.slf4j.Logger;

/**
 * Runs one round per whole second until the campaign is drained or cancelled. Signals and the
 * pacing update only change fields; the main loop alone runs activities, so status records and
 * rounds happen in order.
 */
public class CampaignWorkflowImpl implements CampaignWorkflow {

    /** Rounds one run executes before it continues as new, to keep each history short. */
    static final int ROUNDS_PER_RUN = 500;

    /** Seconds between rounds while the queue is empty; a signal or update wakes the loop at once. */
    static final int IDLE_TICK_SECONDS = 5;

    private static final Logger log = Workflow.getLogger(CampaignWorkflowImpl.class);

    private final CampaignActivities rounds = CampaignActivityOptions.rounds();
    private final CampaignActivities records = CampaignActivityOptions.statusRecords();
    private final CampaignActivities finisher = CampaignActivityOptions.finisher();
    private final CampaignActivities taskBatches = CampaignActivityOptions.taskBatches();
    private final int roundsPerRun;

    private long campaignId;
    private Pacing pacing;
    private boolean paused;
    private boolean cancelled;
    private boolean inputClosed;
    private CampaignStatus endStatus;
    private long nextRound = 1;
    private long released;
    private boolean countsKnown;
    private long queued;
    private long inFlight;
    private int roundsThisRun;
    /** Bumped by every signal and update that changes something; an idle loop wakes on it. */
    private long changes;
    private long changesAtLastRound;
    private CampaignStatus recordedStatus;
    private Pacing recordedPacing;
    /**
     * Whether the workflow method has read its input. An update may reach the workflow in its first task, before
     * that: its validator then checks only the request, and its handler waits for this before it checks the
     * campaign's state.
     */
    private boolean begun;
    /** addTasks batches whose activity is still running. */
    private int pendingBatches;
    /** addTasks batches stored so far in this run, and how many were stored when the last round began. */
    private long batchesStored;
    private long batchesAtLastRound;

    public CampaignWorkflowImpl() {
        this(ROUNDS_PER_RUN);
    }

    /** For tests that need to see continue-as-new after a few rounds. */
    CampaignWorkflowImpl(int roundsPerRun) {
        this.roundsPerRun = roundsPerRun;
    }

    @Override
    public CampaignResult run(CampaignInput input) {
        begin(input);
        while (true) {
            if (cancelled) {
                return finish(CampaignStatus.CANCELLED);
            }
            recordStatusIfChanged();
            if (roundsThisRun >= roundsPerRun || Workflow.getInfo().isContinueAsNewSuggested()) {
                continueAsNew();
            }
            if (paused) {
                // Wakes on resume and cancel, and on a change made while the status was being recorded.
                Workflow.await(() -> !paused || cancelled || !statusIsRecorded());
                continue;
            }
            long now = Workflow.currentTimeMillis();
            // Idle: the last round found the queue empty and nothing changed since.
            boolean idle = countsKnown && queued == 0 && changes == changesAtLastRound;
            long second = (now / 1000 + (idle ? IDLE_TICK_SECONDS : 1)) * 1000;
            long seen = changes;
            boolean interrupted = Workflow.await(Duration.ofMillis(second - now),
                    () -> cancelled || paused || (idle && changes != seen));
            if (interrupted) {
                continue;
            }
            runRound(second);
            if (inputClosed && countsKnown && queued == 0 && inFlight == 0 && noBatchSinceLastRound()) {
                return finish(CampaignStatus.COMPLETED);
            }
        }
    }

    private void begin(CampaignInput input) {
        requireValid(input);
        campaignId = input.campaignId();
        // Signals may have been handled before this method ran: merge, never overwrite.
        if (pacing == null) {
            pacing = input.pacing();
        }
        inputClosed |= input.inputClosed();
        CarriedState carried = input.carried();
        if (carried != null) {
            paused |= carried.paused();
            cancelled |= carried.cancelled();
            nextRound = carried.nextRound();
            released = carried.released();
            // The previous run recorded its last status and pacing before it continued as new.
            recordedStatus = carried.paused() ? CampaignStatus.PAUSED : CampaignStatus.RUNNING;
            recordedPacing = input.pacing();
        }
        begun = true;
        log.info("campaign {} {}: round {}, caps {}, max concurrency {}, input {}", campaignId,
                carried == null ? "started" : "continued", nextRound, pacing.caps(), pacing.maxConcurrency(),
                inputClosed ? "closed" : "open");
    }

    /**
     * Fails the workflow at once on an input no run could use (a client of another SDK may send anything):
     * never a loop of failing status records.
     */
    private static void requireValid(CampaignInput input) {
        String problem = null;
        if (input == null || input.campaignId() <= 0) {
            problem = "campaignId must be a campaign's id (a positive number)";
        } else if (input.pacing() == null) {
            problem = "pacing is required";
        } else if (input.pacing().caps() < 1 || input.pacing().caps() > PacingChange.MAX_CAPS) {
            problem = "pacing.caps must be between 1 and " + PacingChange.MAX_CAPS + ", was " + input.pacing().caps();
        } else if (input.pacing().maxConcurrency() < 1
                || input.pacing().maxConcurrency() > PacingChange.MAX_CONCURRENCY) {
            problem = "pacing.maxConcurrency must be between 1 and " + PacingChange.MAX_CONCURRENCY + ", was "
                    + input.pacing().maxConcurrency();
        }
        if (problem != null) {
            throw ApplicationFailure.newNonRetryableFailure(problem, CampaignFailures.INVALID_INPUT);
        }
    }

    private void runRound(long secondEpochMs) {
        RoundRequest request = new RoundRequest(campaignId, nextRound++, pacing, secondEpochMs);
        roundsThisRun++;
        changesAtLastRound = changes;
        batchesAtLastRound = batchesStored;
        try {
            RoundResult result = rounds.releaseRound(request);
            released += result.released();
            queued = result.queued();
            inFlight = result.inFlight();
            countsKnown = true;
            log.debug("campaign {} round {}: released {}, queued {}, in flight {}, limited by {}", campaignId,
                    request.roundNo(), result.released(), result.queued(), result.inFlight(), result.limitedBy());
        } catch (ActivityFailure e) {
            log.warn("campaign {} round {} failed and is skipped: {}", campaignId, request.roundNo(),
                    rootMessage(e));
        }
    }

    /**
     * Writes the status and pacing to the system of record when they differ from what was written.
     *
     * @return whether the system of record is up to date now (no await between this answer and the caller)
     */
    private boolean recordStatusIfChanged() {
        if (statusIsRecorded()) {
            return true;
        }
        StatusChange change = new StatusChange(campaignId, liveStatus(), pacing);
        try {
            records.recordStatus(change);
            recordedStatus = change.status();
            recordedPacing = change.pacing();
            // A signal or update may have landed while the record was being written.
            return statusIsRecorded();
        } catch (ActivityFailure e) {
            failIfCampaignIsGone(e);
            // Left unrecorded on purpose: the next pass of the loop tries again.
            log.warn("campaign {} status {} not recorded yet: {}", campaignId, change.status(), rootMessage(e));
            return false;
        }
    }

    /**
     * Ends the workflow when its campaign does not exist or has ended in PostgreSQL (a start by a client
     * that skipped the REST API, or a wrong id): no retry can fix that, so it never loops.
     */
    private static void failIfCampaignIsGone(ActivityFailure failure) {
        if (failure.getCause() instanceof ApplicationFailure cause
                && (CampaignFailures.CAMPAIGN_NOT_FOUND.equals(cause.getType())
                || CampaignFailures.CAMPAIGN_ENDED.equals(cause.getType()))) {
            throw ApplicationFailure.newNonRetryableFailure(cause.getOriginalMessage(), cause.getType());
        }
    }

    /**
     * No addTasks batch is being stored and none was stored since the last round began, so that round's
     * counts include every task added.
     */
    private boolean noBatchSinceLastRound() {
        return pendingBatches == 0 && batchesStored == batchesAtLastRound;
    }

    private boolean statusIsRecorded() {
        return liveStatus() == recordedStatus && pacing.equals(recordedPacing);
    }

    private CampaignStatus liveStatus() {
        return paused ? CampaignStatus.PAUSED : CampaignStatus.RUNNING;
    }

    /**
     * Continues as new, unless the status is not recorded yet (the next run takes it as recorded);
     * then the loop comes back here on a later pass.
     */
    private void continueAsNew() {
        Workflow.await(Workflow::isEveryHandlerFinished);
        if (!recordStatusIfChanged()) {
            return;
        }
        log.info("campaign {} continues as new at round {} with {} calls released", campaignId, nextRound,
                released);
        Workflow.continueAsNew(new CampaignInput(campaignId, pacing, inputClosed,
                new CarriedState(paused, cancelled, nextRound, released)));
    }

    private CampaignResult finish(CampaignStatus status) {
        endStatus = status;
        FinishResult result = finisher.finish(new FinishRequest(campaignId, status));
        log.info("campaign {} {}: {} calls released, {} queued tasks cancelled", campaignId, status, released,
                result.cancelledTasks());
        Workflow.await(Workflow::isEveryHandlerFinished);
        return new CampaignResult(campaignId, status, released);
    }

    @Override
    public void pause(PauseRequest request) {
        if (paused || hasEnded()) {
            return;
        }
        paused = true;
        changes++;
        log.info("campaign {} paused", campaignId);
    }

    @Override
    public void resume(ResumeRequest request) {
        if (!paused || hasEnded()) {
            return;
        }
        paused = false;
        changes++;
        log.info("campaign {} resumed", campaignId);
    }

    @Override
    public void cancel(CancelRequest request) {
        if (hasEnded()) {
            return;
        }
        cancelled = true;
        changes++;
        log.info("campaign {} cancel requested", campaignId);
    }

    @Override
    public void inputClosed(InputClosed request) {
        if (inputClosed) {
            return;
        }
        inputClosed = true;
        changes++;
        log.info("campaign {} input closed with {} tasks in all", campaignId, request.totalTasks());
    }

    @Override
    public Pacing changePacing(PacingChange change) {
        Workflow.await(() -> begun);
        rejectIf(hasEnded(), "campaign " + campaignId + " is " + status() + ": its pacing can no longer change");
        pacing = new Pacing(change.caps() != null ? change.caps() : pacing.caps(),
                change.maxConcurrency() != null ? change.maxConcurrency() : pacing.maxConcurrency());
        changes++;
        log.info("campaign {} pacing changed: caps {}, max concurrency {}", campaignId, pacing.caps(),
                pacing.maxConcurrency());
        return pacing;
    }

    @Override
    public void validateChangePacing(PacingChange change) {
        if (change == null || (change.caps() == null && change.maxConcurrency() == null)) {
            throw new IllegalArgumentException("a pacing change needs caps or maxConcurrency");
        }
        requireInRange("caps", change.caps(), PacingChange.MAX_CAPS);
        requireInRange("maxConcurrency", change.maxConcurrency(), PacingChange.MAX_CONCURRENCY);
        if (begun && hasEnded()) {
            throw new IllegalArgumentException(
                    "campaign " + campaignId + " is " + status() + ": its pacing can no longer change");
        }
    }

    @Override
    public TasksAdded addTasks(TaskBatch batch) {
        Workflow.await(() -> begun);
        rejectIf(hasEnded(), "campaign " + campaignId + " is " + status() + ": no tasks can be added");
        rejectIf(inputClosed, "campaign " + campaignId + " takes no more tasks: its input is closed");
        String updateId = Workflow.getCurrentUpdateInfo().map(UpdateInfo::getUpdateId).orElseThrow();
        pendingBatches++;
        try {
            TasksAdded result = taskBatches.addTasks(
                    new AddTasksRequest(campaignId, "update-" + updateId, batch.tasks(), batch.last()));
            batchesStored++;
            changes++;
            if (batch.last() && !inputClosed) {
                inputClosed = true;
            }
            log.info("campaign {} batch {}: {} added, {} existing, {} rejected{}", campaignId, updateId,
                    result.added(), result.existing(), result.rejected().size(), batch.last() ? ", input closed" : "");
            return result;
        } finally {
            pendingBatches--;
        }
    }

    @Override
    public void validateAddTasks(TaskBatch batch) {
        if (batch == null || batch.tasks() == null || (batch.tasks().isEmpty() && !batch.last())) {
            throw new IllegalArgumentException("a batch needs at least one task (or last = true to close the input)");
        }
        if (batch.tasks().size() > TaskBatch.MAX_TASKS) {
            throw new IllegalArgumentException("a batch holds at most " + TaskBatch.MAX_TASKS + " tasks, this one "
                    + batch.tasks().size() + ": split it");
        }
        for (int i = 0; i < batch.tasks().size(); i++) {
            if (batch.tasks().get(i) == null) {
                throw new IllegalArgumentException("tasks[" + i + "] is null");
            }
        }
        if (!begun) {
            return; // the handler checks the campaign's state once the workflow has read its input
        }
        if (hasEnded()) {
            throw new IllegalArgumentException("campaign " + campaignId + " is " + status() + ": no tasks can be added");
        }
        if (inputClosed) {
            throw new IllegalArgumentException("campaign " + campaignId + " takes no more tasks: its input is closed");
        }
    }

    /** Fails an update its validator accepted before the workflow had read its input, as the validator would have. */
    private static void rejectIf(boolean rejected, String message) {
        if (rejected) {
            throw ApplicationFailure.newNonRetryableFailure(message, IllegalArgumentException.class.getName());
        }
    }

    @Override
    public CampaignProgress progress() {
        return new CampaignProgress(campaignId, status(), pacing, inputClosed, nextRound - 1, released, queued,
                inFlight);
    }

    private CampaignStatus status() {
        if (endStatus != null) {
            return endStatus;
        }
        return cancelled ? CampaignStatus.CANCELLED : liveStatus();
    }

    private boolean hasEnded() {
        return cancelled || endStatus != null;
    }

    private static void requireInRange(String field, Integer value, int max) {
        if (value != null && (value < 1 || value > max)) {
            throw new IllegalArgumentException(field + " must be between 1 and " + max + ", was " + value);
        }
    }

    private static String rootMessage(ActivityFailure failure) {
        Throwable cause = failure.getCause() == null ? failure : failure.getCause();
        return cause.getMessage();
    }
}
