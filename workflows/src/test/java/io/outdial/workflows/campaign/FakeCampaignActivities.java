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

    @Override
    public StatusRecorded recordStatus(StatusChange change) {
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
