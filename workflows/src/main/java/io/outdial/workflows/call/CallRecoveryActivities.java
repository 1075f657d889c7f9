package io.outdial.workflows.call;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * What a call workflow does after a fault, on the calls task queue. Every method is read-only and
 * safe to retry: none sends an originate.
 */
@ActivityInterface
public interface CallRecoveryActivities {

    /**
     * Picks another route for a failed call among its campaign's enabled, not evicted FS nodes and
     * lines, leaving out the excluded ones; a line only goes with a node that carries its gateway.
     * Reserves nothing: the next place-call takes a fresh reservation for its own attempt.
     */
    @ActivityMethod(name = "PickFailoverRoute")
    FailoverRoute pickFailoverRoute(FailoverRouteRequest request);

    /**
     * Asks the call's FS node whether its channel still exists ({@code uuid_exists}). Fails (and is
     * retried) when the node cannot be asked.
     */
    @ActivityMethod(name = "ChannelExists")
    ChannelCheck channelExists(ChannelQuery query);

    /**
     * Follows a live channel of an earlier attempt to its end on this worker's ESL link, heartbeating.
     * Reports {@code seenEnd = false} when the channel went away without its hangup reaching this worker
     * (another app node's call whose events this worker is not sent) or the watch time ran out.
     */
    @ActivityMethod(name = "WatchChannel")
    ChannelEnd watchChannel(ChannelWatchRequest request);
}
