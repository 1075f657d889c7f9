package io.outdial.workflows.call;

import java.time.Duration;

/** Bounds on one call that the workflow and the place-call activity agree on. */
public final class CallLimits {

    /** The longest a call may last once answered; the place-call activity stops watching after it. */
    public static final Duration MAX_TALK_TIME = Duration.ofHours(2);

    /** Slack on top of ring timeout and talk time for the place-call activity's start-to-close timeout. */
    public static final Duration WATCH_MARGIN = Duration.ofSeconds(30);

    /** How often the place-call activity heartbeats at least; its heartbeat timeout is a few times this. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(5);

    private CallLimits() {
    }

    /** How long the place-call activity watches a call: ring timeout, then the longest talk time. */
    public static Duration watchTime(int ringTimeoutSeconds) {
        return Duration.ofSeconds(ringTimeoutSeconds).plus(MAX_TALK_TIME);
    }
}
