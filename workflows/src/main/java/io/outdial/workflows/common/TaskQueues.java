package io.outdial.workflows.common;

/** Names of the two task queues. Worker capacity and pollers are configuration, not code. */
public final class TaskQueues {

    /** Campaign workflows and their round activities. */
    public static final String CAMPAIGNS = "outdial-campaigns";

    /** Call workflows and their place-call / record-outcome activities. */
    public static final String CALLS = "outdial-calls";

    private TaskQueues() {
    }
}
