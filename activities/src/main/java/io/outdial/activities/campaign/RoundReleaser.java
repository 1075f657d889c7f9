package io.outdial.activities.campaign;

import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.FairClaim;
import io.outdial.activities.pacing.Lease;
import io.outdial.activities.pacing.Limits;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.pacing.Route;
import io.outdial.activities.pacing.Verdict;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.tasks.TaskSnapshot;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.RoundRequest;
import io.outdial.workflows.campaign.RoundResult;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one round: leases task ids, reserves a route per call, takes the optimistic lock and starts
 * the call workflows (concurrently, since each start is a gRPC round trip), within the round's budget
 * and its second. Whatever it leased or reserved and did not use goes back.
 */
class RoundReleaser {

    private static final Logger log = LoggerFactory.getLogger(RoundReleaser.class);

    private final CampaignRepository campaigns;
    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final Reservations reservations;
    private final CallStarter starter;
    private final Executor startExecutor;
    private final Clock clock;
    private final RoundSettings settings;
    private final Duration leaseTtl;
    private final ConnectRates connectRates;
    private final RandomGenerator random;

    /**
     * @param leaseTtl     how long a round's lease lives before the place-call activity first renews it
     * @param connectRates the lines' recent connect rates, for the best-connect-rate strategy
     * @param random       the randomness of the random and best-connect-rate strategies
     */
    RoundReleaser(CampaignRepository campaigns, TaskRepository tasks, TaskQueue queue, Reservations reservations,
                  CallStarter starter, Executor startExecutor, Clock clock, RoundSettings settings,
                  Duration leaseTtl, ConnectRates connectRates, RandomGenerator random) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.queue = queue;
        this.reservations = reservations;
        this.starter = starter;
        this.startExecutor = startExecutor;
        this.clock = clock;
        this.settings = settings;
        this.leaseTtl = leaseTtl;
        this.connectRates = connectRates;
        this.random = random;
    }

    RoundResult release(RoundRequest request) {
        long campaignId = request.campaignId();
        long startedAt = clock.millis();
        CampaignPlan plan = campaigns.find(campaignId, Instant.ofEpochMilli(startedAt)).orElseThrow(() ->
                ApplicationFailure.newNonRetryableFailure("no campaign " + campaignId, "UnknownCampaign"));
        long secondEnd = request.secondEpochMs() + 1000;
        if (startedAt >= secondEnd) {
            return result(plan, 0, RoundLimit.TIME_BUDGET);
        }
        long deadline = Math.min(startedAt + settings.budget().toMillis(), secondEnd);
        Pacing pacing = request.pacing() != null ? request.pacing() : new Pacing(plan.caps(), plan.maxConcurrency());
        // lease no more ids than the campaign's CAPS and its free concurrency can take this round
        long room = pacing.maxConcurrency() - reservations.inFlight(plan.poolId(), campaignId, startedAt);
        if (room <= 0) {
            return result(plan, 0, RoundLimit.CAMPAIGN_CONCURRENCY);
        }
        int wanted = (int) Math.min(Math.min(settings.maxCallsPerRound(), pacing.caps()), room);
        RoundLimit limitWhenAllUsed = wanted == pacing.caps() ? RoundLimit.CAMPAIGN_CAPS
                : wanted == room ? RoundLimit.CAMPAIGN_CONCURRENCY : RoundLimit.NONE;
        // re-attempts that are due join the queue first; a paused campaign runs no rounds, so they wait
        queue.promoteDue(campaignId, startedAt);
        List<Long> leased = queue.lease(campaignId, wanted);
        ResourcePicker picker = picker(plan, request.roundNo(), startedAt);
        FairClaim claim = new FairClaim(plan.weight(), leased.size());

        List<Started> starts = new ArrayList<>();
        RoundLimit limit = leased.size() < wanted ? RoundLimit.QUEUE_EMPTY : limitWhenAllUsed;
        int next = 0;
        try {
            Map<Long, TaskSnapshot> snapshots = tasks.snapshots(leased);
            for (; next < leased.size(); next++) {
                if (clock.millis() >= deadline) {
                    limit = RoundLimit.TIME_BUDGET;
                    break;
                }
                TaskSnapshot task = snapshots.get(leased.get(next));
                if (task == null || !task.queued()) {
                    continue; // cancelled, already dialing or gone: dropped from the queue
                }
                if (!task.due(startedAt)) {
                    // a re-attempt queued early by a stale copy of the queue: back to wait until it is due
                    queue.delay(campaignId, task.id(), task.notBeforeMs());
                    continue;
                }
                Reserved reserved = reserve(plan, pacing, claim, picker, task, request.secondEpochMs());
                if (reserved.limit() != null) {
                    limit = reserved.limit();
                    break;
                }
                if (!tasks.markDialing(task.id(), task.version())) {
                    reservations.giveBack(reserved.lease(), request.secondEpochMs());
                    continue; // lost the race: another round or a cancel has it
                }
                CallRequest call = new CallRequest(campaignId, task.id(), task.nextAttempt(),
                        reserved.pick().fsNode().id(), reserved.pick().line().id(), reserved.pick().line().gateway(),
                        request.secondEpochMs(), plan.ringTimeoutSeconds(), settings.callRequestMaxFailovers());
                int businessAttempt = task.nextBusinessAttempt();
                starts.add(new Started(task, reserved.lease(),
                        CompletableFuture.runAsync(() -> starter.start(call, businessAttempt), startExecutor)));
            }
        } finally {
            // ids not yet looked at go back even if the round fails half way
            queue.pushBack(campaignId, leased.subList(next, leased.size()));
        }
        int released = awaitStarts(campaignId, starts, request.secondEpochMs());
        // what this round did not take on a line that had room, the others may have
        reservations.settle(plan.poolId(), campaignId, picker.undeniedLines(), request.secondEpochMs());
        return result(plan, released, limit);
    }

    private ResourcePicker picker(CampaignPlan plan, long roundNo, long nowMs) {
        Map<String, Double> rates = plan.strategy() == SelectionStrategy.BEST_CONNECT_RATE
                ? connectRates.rates(plan.poolId(), plan.lines().stream().map(CampaignPlan.Line::id).toList(), nowMs)
                : Map.of();
        return new ResourcePicker(plan.fsNodes(), plan.lines(), plan.strategy(), rates, random, roundNo);
    }

    private Reserved reserve(CampaignPlan plan, Pacing pacing, FairClaim claim, ResourcePicker picker,
                             TaskSnapshot task, long secondMs) {
        while (true) {
            Optional<ResourcePicker.Pick> pick = picker.next();
            if (pick.isEmpty()) {
                return Reserved.stopped(picker.exhausted());
            }
            ResourcePicker.Pick p = pick.get();
            Lease lease = Lease.of(new Route(plan.poolId(), plan.campaignId(), p.fsNode().id(), p.line().id()),
                    task.id(), task.nextAttempt());
            Limits limits = new Limits(pacing.caps(), pacing.maxConcurrency(), p.fsNode().caps(),
                    p.fsNode().maxSessions(), p.line().caps(), p.line().maxConcurrency());
            long now = clock.millis();
            Verdict verdict = reservations.reserve(lease, limits, claim, secondMs, now, now + leaseTtl.toMillis());
            if (verdict.granted()) {
                picker.granted(p);
                return new Reserved(p, lease, null);
            }
            if (verdict.level() == Verdict.Level.CAMPAIGN) {
                return Reserved.stopped(RoundLimit.valueOf(verdict.name()));
            }
            picker.denied(p, verdict);
        }
    }

    /** Waits for the starts; a call that could not be started goes back to the queue head. */
    private int awaitStarts(long campaignId, List<Started> starts, long secondMs) {
        int released = 0;
        List<Long> failed = new ArrayList<>();
        for (Started s : starts) {
            try {
                s.future().join();
                released++;
            } catch (CompletionException e) {
                log.warn("call workflow of task {} not started, requeueing it", s.task().id(), e.getCause());
                reservations.giveBack(s.lease(), secondMs);
                if (tasks.revertToQueued(s.task().id(), s.task().version() + 1)) {
                    failed.add(s.task().id());
                }
            }
        }
        queue.pushBack(campaignId, failed);
        return released;
    }

    /**
     * What is left of the campaign; tasks waiting for a re-attempt count as queued, so the campaign does
     * not complete before they are called. Redis is asked first; when it has nothing left (empty queue
     * and delayed set, no lease), PostgreSQL, the system of record, decides: QUEUED tasks missing from
     * Redis (it lost its data, or a killed round leased them) go back into the queue, or into the delayed
     * set when they are not due yet, and DIALING tasks count as in flight, so the campaign never
     * completes while a task has no final state.
     */
    private RoundResult result(CampaignPlan plan, int released, RoundLimit limit) {
        long campaignId = plan.campaignId();
        long queued = queue.size(campaignId) + queue.delayedSize(campaignId);
        long now = clock.millis();
        long inFlight = reservations.inFlight(plan.poolId(), campaignId, now);
        if (queued == 0 && inFlight == 0) {
            List<TaskRepository.QueuedTask> lost = tasks.queued(campaignId);
            if (!lost.isEmpty()) {
                // appended, not rebuilt: an id added meanwhile stays, and a duplicate is dropped when leased
                queue.enqueue(campaignId, lost.stream().filter(t -> t.due(now)).map(TaskRepository.QueuedTask::id)
                        .toList());
                queue.delayAll(campaignId, lost.stream().filter(t -> !t.due(now)).collect(Collectors.toMap(
                        TaskRepository.QueuedTask::id, TaskRepository.QueuedTask::notBeforeMs)));
                log.warn("Campaign {}: {} queued tasks were missing from Redis; queued them again",
                        campaignId, lost.size());
            }
            queued = lost.size();
            inFlight = tasks.count(campaignId, "DIALING");
        }
        return new RoundResult(released, queued, inFlight, limit.name());
    }

    private record Reserved(ResourcePicker.Pick pick, Lease lease, RoundLimit limit) {
        static Reserved stopped(RoundLimit limit) {
            return new Reserved(null, null, limit);
        }
    }

    private record Started(TaskSnapshot task, Lease lease, CompletableFuture<Void> future) {
    }
}
