package io.outdial.activities.campaign;

import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.FairShareSettings;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.tasks.PhoneNumberNormaliser;
import io.outdial.activities.tasks.TaskBatchImport;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.workflows.campaign.AddTasksRequest;
import io.outdial.workflows.campaign.CampaignActivities;
import io.outdial.workflows.campaign.CampaignFailures;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.FinishRequest;
import io.outdial.workflows.campaign.FinishResult;
import io.outdial.workflows.campaign.RoundRequest;
import io.outdial.workflows.campaign.RoundResult;
import io.outdial.workflows.campaign.StatusChange;
import io.outdial.workflows.campaign.StatusRecorded;
import io.outdial.workflows.campaign.TasksAdded;
import io.outdial.workflows.common.WorkflowIds;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import redis.clients.jedis.UnifiedJedis;

/** The campaign workflow's activities over PostgreSQL, Redis and the Temporal client. */
public class CampaignActivitiesImpl implements CampaignActivities {

    /** How long a round's lease lives if its call never renews it (the worker died before dialing). */
    public static final Duration ROUND_LEASE_TTL = Duration.ofMinutes(2);

    private final RoundLedger ledger;
    private final RoundReleaser releaser;
    private final CampaignRepository campaigns;
    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final Clock clock;
    private final RoundMetrics metrics;
    private final TaskBatchImport batches;

    /** Wires the default collaborators, without meters. */
    public CampaignActivitiesImpl(DataSource dataSource, UnifiedJedis jedis, WorkflowClient workflowClient,
                                  Clock clock, RoundSettings settings) {
        this(dataSource, jedis, workflowClient, clock, settings, new CompositeMeterRegistry());
    }

    /**
     * Wires the default collaborators, with meters (see {@link RoundMetrics}). Call workflows are started
     * on a private pool of 16 daemon threads so a round's starts overlap.
     */
    public CampaignActivitiesImpl(DataSource dataSource, UnifiedJedis jedis, WorkflowClient workflowClient,
                                  Clock clock, RoundSettings settings, MeterRegistry meters) {
        this(new CampaignRepository(dataSource), new TaskRepository(dataSource), new TaskQueue(jedis),
                new Reservations(jedis, FairShareSettings.defaults(), meters, clock), new CallStarter(workflowClient),
                startPool(), jedis, clock, settings, ROUND_LEASE_TTL, meters, new ConnectRates(jedis), new Random());
    }

    /** Takes every collaborator, for tests and custom wiring. */
    public CampaignActivitiesImpl(CampaignRepository campaigns, TaskRepository tasks, TaskQueue queue,
                                  Reservations reservations, CallStarter starter, Executor startExecutor,
                                  UnifiedJedis jedis, Clock clock, RoundSettings settings, Duration leaseTtl,
                                  MeterRegistry meters) {
        this(campaigns, tasks, queue, reservations, starter, startExecutor, jedis, clock, settings, leaseTtl, meters,
                new ConnectRates(jedis), new Random());
    }

    /**
     * Takes every collaborator, with the lines' connect rates and the randomness of the line
     * selection strategies (seeded in tests).
     */
    public CampaignActivitiesImpl(CampaignRepository campaigns, TaskRepository tasks, TaskQueue queue,
                                  Reservations reservations, CallStarter starter, Executor startExecutor,
                                  UnifiedJedis jedis, Clock clock, RoundSettings settings, Duration leaseTtl,
                                  MeterRegistry meters, ConnectRates connectRates, RandomGenerator random) {
        this.clock = clock;
        this.metrics = new RoundMetrics(meters);
        this.ledger = new RoundLedger(jedis);
        this.releaser = new RoundReleaser(campaigns, tasks, queue, reservations, starter, startExecutor, clock,
                settings, leaseTtl, connectRates, random);
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.queue = queue;
        this.batches = new TaskBatchImport(campaigns.dataSource(), queue, new PhoneNumberNormaliser());
    }

    @Override
    public RoundResult releaseRound(RoundRequest request) {
        Optional<RoundResult> done = ledger.find(request.campaignId(), request.roundNo());
        if (done.isPresent()) {
            return done.get();
        }
        long startedAt = clock.millis();
        RoundResult result = ledger.store(request.campaignId(), request.roundNo(), releaser.release(request));
        metrics.record(result, Duration.ofMillis(startedAt - request.secondEpochMs()),
                Duration.ofMillis(clock.millis() - startedAt));
        return result;
    }

    /**
     * Records the status; a live status (RUNNING, PAUSED) of a DRAFT campaign starts it, as the REST start does,
     * so a campaign started straight through Temporal dials its tasks. A campaign that does not exist or has
     * ended fails the activity for good: the workflow then fails with the same type.
     */
    @Override
    public StatusRecorded recordStatus(StatusChange change) {
        long campaignId = change.campaignId();
        if (change.status() != CampaignStatus.RUNNING && change.status() != CampaignStatus.PAUSED) {
            return new StatusRecorded(campaigns.recordStatus(campaignId, change.status(), change.pacing()));
        }
        String previous = campaigns.recordLiveStatus(campaignId, change.status(), change.pacing(),
                        WorkflowIds.campaign(campaignId), () -> queue.rebuild(campaignId, tasks.queuedIds(campaignId)))
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "campaign " + campaignId + " does not exist", CampaignFailures.CAMPAIGN_NOT_FOUND));
        if (previous.equals("COMPLETED") || previous.equals("CANCELLED")) {
            throw ApplicationFailure.newNonRetryableFailure("campaign " + campaignId + " has ended (" + previous
                    + "): it cannot run again", CampaignFailures.CAMPAIGN_ENDED);
        }
        return new StatusRecorded(!previous.equals(change.status().name()));
    }

    @Override
    public TasksAdded addTasks(AddTasksRequest request) {
        return batches.add(request);
    }

    @Override
    public FinishResult finish(FinishRequest request) {
        long campaignId = request.campaignId();
        if (request.status() == CampaignStatus.CANCELLED) {
            tasks.cancelQueued(campaignId);
            queue.clear(campaignId);
        }
        campaigns.recordStatus(campaignId, request.status(), null);
        long cancelled = tasks.countByStatus(campaignId).getOrDefault("CANCELLED", 0L);
        return new FinishResult(cancelled);
    }

    private static ExecutorService startPool() {
        return Executors.newFixedThreadPool(16, runnable -> {
            Thread thread = new Thread(runnable, "outdial-call-starter");
            thread.setDaemon(true);
            return thread;
        });
    }
}
