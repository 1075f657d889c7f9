package io.outdial.activities.tasks;

/**
 * A task's state as a round reads it before taking the optimistic lock.
 *
 * @param id               the task
 * @param status           QUEUED, DIALING, DONE or CANCELLED
 * @param attempts         dial attempts so far (failovers included); the next one is {@code attempts + 1}
 * @param version          the optimistic lock's version
 * @param notBeforeMs      the epoch millisecond before which it must not be dialed; 0 when due now
 * @param businessAttempts call workflows started for it so far
 */
public record TaskSnapshot(long id, String status, int attempts, long version, long notBeforeMs,
                           int businessAttempts) {

    /** A task that was never held back. */
    public TaskSnapshot(long id, String status, int attempts, long version) {
        this(id, status, attempts, version, 0, 0);
    }

    public boolean queued() {
        return "QUEUED".equals(status);
    }

    /** Whether it may be dialed at {@code nowMs}. */
    public boolean due(long nowMs) {
        return notBeforeMs <= nowMs;
    }

    public int nextAttempt() {
        return attempts + 1;
    }

    /** The number of the call workflow that dials it next, from 1. */
    public int nextBusinessAttempt() {
        return businessAttempts + 1;
    }
}
