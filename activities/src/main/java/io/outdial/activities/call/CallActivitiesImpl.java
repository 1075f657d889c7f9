package io.outdial.activities.call;

import io.outdial.activities.esl.NumberMask;
import io.outdial.activities.esl.Dial;
import io.outdial.activities.esl.Dialer;
import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.FairShareSettings;
import io.outdial.activities.pacing.Lease;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.pacing.Route;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.workflows.call.CallActivities;
import io.outdial.workflows.call.CallLimits;
import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.CallRecoveryActivities;
import io.outdial.workflows.call.ChannelCheck;
import io.outdial.workflows.call.ChannelEnd;
import io.outdial.workflows.call.ChannelQuery;
import io.outdial.workflows.call.ChannelWatchRequest;
import io.outdial.workflows.call.FailoverRoute;
import io.outdial.workflows.call.FailoverRouteRequest;
import io.outdial.workflows.call.OutcomeRecord;
import io.outdial.workflows.call.OutcomeRecorded;
import io.outdial.workflows.call.PlaceCallRequest;
import io.outdial.workflows.call.PlaceCallResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The call workflow's activities: dial once, paced to the second; record what happened. It also serves
 * the read-only recovery steps ({@link CallRecoveryActivities}, by {@link CallRecoveryActivitiesImpl}),
 * so one activity bean on the calls task queue registers both interfaces.
 */
public class CallActivitiesImpl implements CallActivities, CallRecoveryActivities {

    private static final Logger log = LoggerFactory.getLogger(CallActivitiesImpl.class);

    private final CallRepository calls;
    private final CallClaims claims;
    private final Reservations reservations;
    private final ConnectRates connectRates;
    private final Dialer dialer;
    private final Clock clock;
    private final SendWindow sendWindow;
    private final PlaceCallSettings settings;
    private final CallMetrics metrics;
    private final CallRecoveryActivities recovery;
    /** The campaigns' delayed sets; null: re-attempts are scheduled from PostgreSQL by the refill and the reconciler. */
    private final TaskQueue taskQueue;

    /** Wires the default collaborators, without meters. */
    public CallActivitiesImpl(DataSource dataSource, UnifiedJedis jedis, Dialer dialer, Clock clock) {
        this(dataSource, jedis, dialer, clock, new CompositeMeterRegistry());
    }

    /**
     * Wires the default collaborators, with meters (see {@link CallMetrics}); channels are probed through
     * the dialer when it is an {@link EslDialer}, else reconciling finds every node unreachable.
     */
    public CallActivitiesImpl(DataSource dataSource, UnifiedJedis jedis, Dialer dialer, Clock clock,
                              MeterRegistry meters) {
        this(dataSource, jedis, dialer, dialer instanceof EslDialer esl ? new EslChannelProbe(esl) : null, clock,
                meters);
    }

    /** Wires the default collaborators, with meters and the probe that reconciles calls with FS nodes. */
    public CallActivitiesImpl(DataSource dataSource, UnifiedJedis jedis, Dialer dialer, ChannelProbe probe,
                              Clock clock, MeterRegistry meters) {
        this(new CallRepository(dataSource), new CallClaims(jedis),
                new Reservations(jedis, FairShareSettings.defaults(), meters, clock), new ConnectRates(jedis), dialer,
                clock, Sleeper.THREAD, PlaceCallSettings.defaults(), meters,
                new CallRecoveryActivitiesImpl(new FailoverRoutes(new CampaignRepository(dataSource), clock),
                        probe == null ? ChannelProbe.UNREACHABLE : probe,
                        new ChannelFollower(probe == null ? ChannelProbe.UNREACHABLE : probe, clock), clock),
                new TaskQueue(jedis));
    }

    /** Takes every collaborator, for tests and custom wiring. */
    public CallActivitiesImpl(CallRepository calls, CallClaims claims, Reservations reservations,
                              ConnectRates connectRates, Dialer dialer, Clock clock, Sleeper sleeper,
                              PlaceCallSettings settings, MeterRegistry meters) {
        this(calls, claims, reservations, connectRates, dialer, clock, sleeper, settings, meters,
                CallRecoveryActivitiesImpl.UNAVAILABLE);
    }

    /**
     * Takes every collaborator and the recovery steps, for tests and custom wiring; without the campaigns'
     * delayed sets (a re-attempt waits for the round's refill or the reconciler to schedule it).
     */
    public CallActivitiesImpl(CallRepository calls, CallClaims claims, Reservations reservations,
                              ConnectRates connectRates, Dialer dialer, Clock clock, Sleeper sleeper,
                              PlaceCallSettings settings, MeterRegistry meters, CallRecoveryActivities recovery) {
        this(calls, claims, reservations, connectRates, dialer, clock, sleeper, settings, meters, recovery, null);
    }

    /** Takes every collaborator, the recovery steps and the campaigns' delayed sets, for tests and custom wiring. */
    public CallActivitiesImpl(CallRepository calls, CallClaims claims, Reservations reservations,
                              ConnectRates connectRates, Dialer dialer, Clock clock, Sleeper sleeper,
                              PlaceCallSettings settings, MeterRegistry meters, CallRecoveryActivities recovery,
                              TaskQueue taskQueue) {
        this.taskQueue = taskQueue;
        this.recovery = recovery;
        this.connectRates = connectRates;
        this.metrics = new CallMetrics(meters);
        this.calls = calls;
        this.claims = claims;
        this.reservations = reservations;
        this.dialer = dialer;
        this.clock = clock;
        this.settings = settings;
        this.sendWindow = new SendWindow(reservations, clock, sleeper, settings);
    }

    @Override
    public PlaceCallResult placeCall(PlaceCallRequest r) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        if (!claims.claim(r.campaignId(), r.taskId(), r.attempt(), activity.getInfo().getWorkflowId())) {
            log.warn("attempt {} of task {} was placed before; not dialing again", r.attempt(), r.taskId());
            metrics.duplicate();
            return notSent(r, true);
        }
        CallContext context = calls.context(r.campaignId(), r.taskId(), r.fsNodeId(), r.lineId())
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "task " + r.taskId() + " or its route " + r.fsNodeId() + "/" + r.lineId() + " is unknown",
                        "UnknownTask"));
        Lease lease = Lease.of(new Route(context.poolId(), r.campaignId(), r.fsNodeId(), r.lineId()),
                r.taskId(), r.attempt());
        boolean leaseHeld = reservations.renew(lease, clock.millis() + settings.leaseExtension().toMillis());
        // The start of the activity counts as a heartbeat on the server and the leases were just
        // renewed: beat again only once the interval has passed, so a short call costs no heartbeat.
        long[] lastBeat = {clock.millis()};
        Runnable heartbeat = () -> {
            long now = clock.millis();
            if (now - lastBeat[0] < CallLimits.HEARTBEAT_INTERVAL.toMillis()) {
                return;
            }
            lastBeat[0] = now;
            activity.heartbeat(null);
            try {
                reservations.renew(lease, now + settings.leaseExtension().toMillis());
            } catch (JedisException e) {
                // a Redis blip must not stop watching a live call; the next beat renews again
                log.warn("could not renew the leases of task {} attempt {}", r.taskId(), r.attempt(), e);
            }
        };
        try {
            if (!sendWindow.await(lease, context.limits(), r.reservedSecondMs(), leaseHeld, heartbeat)) {
                log.warn("no CAPS token or concurrency slot for task {} attempt {} within {}; not sent",
                        r.taskId(), r.attempt(), settings.maxTokenWait());
                metrics.notSent();
                return notSent(r, false);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted before dialing", "Interrupted");
        }
        // A call may wait seconds for a token of its route; if health checks evicted the route meanwhile,
        // send nothing: the call fails over (a switch fault before sending) to a route rounds still use.
        if (calls.routeEvicted(r.fsNodeId(), r.lineId(), clock.instant())) {
            log.warn("route {}/{} of task {} attempt {} was evicted before the call was sent; not sent",
                    r.fsNodeId(), r.lineId(), r.taskId(), r.attempt());
            metrics.notSent();
            return notSent(r, false);
        }
        log.info("dialing task {} attempt {} to {} via {}/{}", r.taskId(), r.attempt(),
                NumberMask.mask(context.phoneNumber()), r.fsNodeId(), r.lineId());
        Dial dial = new Dial(r.fsNodeId(), r.gateway(), context.phoneNumber(), r.originationUuid(),
                Map.of("campaign_id", Long.toString(r.campaignId()), "task_id", Long.toString(r.taskId())),
                Duration.ofSeconds(r.ringTimeoutSeconds()), CallLimits.watchTime(r.ringTimeoutSeconds()));
        metrics.sent(r.reservedSecondMs(), clock.millis());
        try {
            return dialer.dial(dial, heartbeat);
        } catch (IllegalArgumentException rejected) {
            // the dialer's message may quote the number; the failure lands in the workflow history
            throw ApplicationFailure.newNonRetryableFailure(
                    "dial of task " + r.taskId() + " rejected: invalid number or channel variable", "InvalidDial");
        }
    }

    /**
     * Records the attempt; when the call's end queued its task again for a business re-attempt, puts the
     * task in the campaign's delayed set before the call's leases are released, so a round always sees the
     * task in flight or waiting (never neither, which would let the campaign complete).
     */
    @Override
    public OutcomeRecorded recordOutcome(OutcomeRecord outcome) {
        CallRepository.Recorded recorded = calls.record(outcome, clock.instant());
        boolean inserted = recorded.inserted();
        if (recorded.reattempt() && taskQueue != null) {
            taskQueue.delay(outcome.campaignId(), outcome.taskId(), recorded.reattemptDueMs());
            if (inserted) {
                log.info("task {} ended {}: queued for a re-attempt at {}", outcome.taskId(),
                        outcome.verdict().outcome(), Instant.ofEpochMilli(recorded.reattemptDueMs()));
            }
        }
        calls.poolOf(outcome.campaignId()).ifPresent(poolId -> {
            reservations.release(Lease.of(new Route(poolId, outcome.campaignId(), outcome.fsNodeId(),
                    outcome.lineId()), outcome.taskId(), outcome.attempt()));
            if (inserted && outcome.observed() != null && outcome.observed().sent()) {
                // counted once per attempt (a retried record finds it inserted), for best-connect-rate
                boolean answered = outcome.verdict() != null && outcome.verdict().outcome() == CallOutcome.ANSWERED;
                connectRates.record(poolId, outcome.lineId(), answered, outcome.verdict() != null && outcome.verdict().faultClass() == io.outdial.workflows.call.FaultClass.LINE_FAULT, clock.millis());
            }
        });
        return new OutcomeRecorded(inserted);
    }

    @Override
    public FailoverRoute pickFailoverRoute(FailoverRouteRequest request) {
        return recovery.pickFailoverRoute(request);
    }

    @Override
    public ChannelCheck channelExists(ChannelQuery query) {
        return recovery.channelExists(query);
    }

    @Override
    public ChannelEnd watchChannel(ChannelWatchRequest request) {
        return recovery.watchChannel(request);
    }

    private PlaceCallResult notSent(PlaceCallRequest r, boolean duplicate) {
        return new PlaceCallResult(r.originationUuid(), false, duplicate, null, false, false, false, null, null,
                0, false, false, 0, 0, clock.millis());
    }
}
