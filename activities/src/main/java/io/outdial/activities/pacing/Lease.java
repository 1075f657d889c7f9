package io.outdial.activities.pacing;

/**
 * One call's concurrency slot at each level of its route.
 *
 * @param route the resources held
 * @param id    the lease id {@code <taskId>:<attempt>}, the member in each lease set
 */
public record Lease(Route route, String id) {

    /** The lease of one dial attempt of a task. */
    public static Lease of(Route route, long taskId, int attempt) {
        return new Lease(route, taskId + ":" + attempt);
    }
}
