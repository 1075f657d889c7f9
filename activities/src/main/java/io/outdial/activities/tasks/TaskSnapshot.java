package io.outdial.activities.tasks;

/**
 * A task's state as a round reads it before taking the optimistic lock.
 *
 * @param id       the task
 * @param status   QUEUED, DIALING, DONE or CANCELLED
 * @param attempts dial attempts so far; the next one is {@code attempts + 1}
 * @param version  the optimistic lock's version
 */
public record TaskSnapshot(long id, String status, int attempts, long version) {

    public boolean queued() {
        return "QUEUED".equals(status);
    }

    public int nextAttempt() {
        return attempts + 1;
    }
}
