package io.outdial.activities.call;

import io.outdial.workflows.call.CallLimits;
import io.outdial.workflows.call.CallRecoveryActivities;
import io.outdial.workflows.call.ChannelCheck;
import io.outdial.workflows.call.ChannelEnd;
import io.outdial.workflows.call.ChannelQuery;
import io.outdial.workflows.call.ChannelWatchRequest;
import io.outdial.workflows.call.FailoverRoute;
import io.outdial.workflows.call.FailoverRouteRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The call workflow's read-only recovery steps: another route, and reconciling with the FS node. */
public class CallRecoveryActivitiesImpl implements CallRecoveryActivities {

    private static final Logger log = LoggerFactory.getLogger(CallRecoveryActivitiesImpl.class);

    /** Recovery on a worker wired without storage or ESL links: no route, and no node can be asked. */
    static final CallRecoveryActivitiesImpl UNAVAILABLE = new CallRecoveryActivitiesImpl(null,
            ChannelProbe.UNREACHABLE, new ChannelFollower(ChannelProbe.UNREACHABLE, Clock.systemUTC()),
            Clock.systemUTC());

    private final FailoverRoutes routes;
    private final ChannelProbe probe;
    private final ChannelFollower follower;
    private final Clock clock;

    public CallRecoveryActivitiesImpl(FailoverRoutes routes, ChannelProbe probe, ChannelFollower follower,
                                      Clock clock) {
        this.routes = routes;
        this.probe = probe;
        this.follower = follower;
        this.clock = clock;
    }

    @Override
    public FailoverRoute pickFailoverRoute(FailoverRouteRequest request) {
        FailoverRoute route = routes == null ? FailoverRoute.none() : routes.pick(request);
        log.info("task {}: failover route after {}/{} (excluded nodes {}, lines {}): {}", request.taskId(),
                request.lastFsNodeId(), request.lastLineId(), request.excludedFsNodeIds(), request.excludedLineIds(),
                route.found() ? route.fsNodeId() + "/" + route.lineId() : "none");
        return route;
    }

    @Override
    public ChannelCheck channelExists(ChannelQuery query) {
        boolean exists = probe.exists(query.fsNodeId(), query.originationUuid());
        log.info("channel {} on {}: {}", query.originationUuid(), query.fsNodeId(), exists ? "exists" : "gone");
        return new ChannelCheck(exists);
    }

    @Override
    public ChannelEnd watchChannel(ChannelWatchRequest request) {
        ActivityExecutionContext activity = Activity.getExecutionContext();
        long[] lastBeat = {0};
        Runnable heartbeat = () -> {
            long now = clock.millis();
            if (now - lastBeat[0] >= CallLimits.HEARTBEAT_INTERVAL.toMillis()) {
                lastBeat[0] = now;
                activity.heartbeat(null);
            }
        };
        try {
            ChannelEnd end = follower.follow(request.fsNodeId(), request.originationUuid(),
                    Duration.ofSeconds(request.watchSeconds()), heartbeat);
            log.info("channel {} on {} followed: end seen={} cause={}", request.originationUuid(),
                    request.fsNodeId(), end.seenEnd(), end.hangupCause());
            return end;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApplicationFailure.newFailure("interrupted while following a channel", "Interrupted");
        }
    }
}
