package io.outdial.workflows.campaign;

import io.temporal.activity.Activity;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A campaign queue in memory: each round releases up to CAPS tasks, and each released call lasts
 * one round. It records what the workflow asked for, and when the server scheduled it.
 */
final class FakeCampaignActivities implements CampaignActivities {

    /** One round as the activity saw it. */
    record Round(RoundRequest request, long scheduledAtMs, int released) {
    }

    final List<Round> rounds = new CopyOnWriteArrayList<>();
    final List<StatusChange> statuses = new CopyOnWriteArrayList<>();
    final List<FinishRequest> finishes = new CopyOnWriteArrayList<>();
    /** When the server scheduled each finish, in workflow time (epoch ms). */
    final List<Long> finishScheduledAtMs = new CopyOnWriteArrayList<>();

    /** The batch keys of every AddTasks call, retries included. */
    final List<String> batchKeys = new CopyOnWriteArrayList<>();
    /** The batch keys stored so far: a batch is stored once, however often it is retried. */
    private final Set<String> storedBatches = ConcurrentHashMap.newKeySet();
    private volatile String missingCampaign;
    private final Set<Long> failingRounds = ConcurrentHashMap.newKeySet();
    private volatile CountDownLatch finishGate = new CountDownLatch(0);
    private long queued;
    private long inFlight;

    FakeCampaignActivities(long queued) {
        this.queued = queued;
    }

    /** Makes the given round fail, as a round would when Redis is unreachable. */
    FakeCampaignActivities failRound(long roundNo) {
        failingRounds.add(roundNo);
        return this;
    }

    /** Holds {@link #finish} until {@link #openFinish()}. */
    void holdFinish() {
        finishGate = new CountDownLatch(1);
    }

    void openFinish() {
        finishGate.countDown();
    }

    @Override
    public synchronized RoundResult releaseRound(RoundRequest request) {
        long scheduledAt = Activity.getExecutionContext().getInfo().getScheduledTimestamp();
        if (failingRounds.contains(request.roundNo())) {
            rounds.add(new Round(request, scheduledAt, 0));
            throw new IllegalStateException("round store unreachable");
        }
        int released = (int) Math.min(request.pacing().caps(), queued);
        queued -= released;
        inFlight = released;
        rounds.add(new Round(request, scheduledAt, released));
        return new RoundResult(released, queued, inFlight, queued == 0 ? "QUEUE_EMPTY" : "CAMPAIGN_CAPS");
    }

    /** Makes every status record fail as for a campaign PostgreSQL does not have. */
    void campaignMissing(String failureType) {
        missingCampaign = failureType;
    }

    /**
     * Queues every task whose number is not {@code "bad"}; a batch key seen before adds nothing (the first
     * attempt of each batch fails once, so every batch is retried).
     */
    @Override
    public TasksAdded addTasks(AddTasksRequest request) {
        batchKeys.add(request.batchKey());
        if (Activity.getExecutionContext().getInfo().getAttempt() == 1) {
            synchronized (this) {
                store(request);
            }
            throw new IllegalStateException("worker lost its connection after the commit");
        }
        synchronized (this) {
            return store(request);
        }
    }

    private TasksAdded store(AddTasksRequest request) {
        List<TasksAdded.RejectedTask> rejected = new java.util.ArrayList<>();
        for (int i = 0; i < request.tasks().size(); i++) {
            if ("bad".equals(request.tasks().get(i).phoneNumber())) {
                rejected.add(new TasksAdded.RejectedTask(i, "phoneNumber is not a phone number"));
            }
        }
        int added = request.tasks().size() - rejected.size();
        if (storedBatches.add(request.batchKey())) {
            queued += added;
        }
        return new TasksAdded(added, 0, rejected);
    }

    @Override
    public StatusRecorded recordStatus(StatusChange change) {
        if (missingCampaign != null) {
            throw io.temporal.failure.ApplicationFailure.newNonRetryableFailure(
                    "campaign " + change.campaignId() + " is not there", missingCampaign);
        }
        statuses.add(change);
        return new StatusRecorded(true);
    }

    @Override
    public FinishResult finish(FinishRequest request) {
        finishScheduledAtMs.add(Activity.getExecutionContext().getInfo().getScheduledTimestamp());
        finishes.add(request);
        try {
            if (!finishGate.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("finish was held too long");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        synchronized (this) {
            long cancelled = request.status() == CampaignStatus.CANCELLED ? queued : 0;
            queued -= cancelled;
            return new FinishResult(cancelled);
        }
    }

    synchronized long released() {
        return rounds.stream().mapToLong(Round::released).sum();
    }

    List<Long> roundNumbers() {
        return rounds.stream().map(round -> round.request().roundNo()).toList();
    }

    List<Integer> caps() {
        return rounds.stream().map(round -> round.request().pacing().caps()).toList();
    }
}
