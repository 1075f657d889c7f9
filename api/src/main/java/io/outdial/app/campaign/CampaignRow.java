package io.outdial.app.campaign;

import java.time.Instant;

/**
 * A campaign as stored in PostgreSQL.
 *
 * @param id                 its id
 * @param tenant             the tenant's name
 * @param pool               the pool's name
 * @param name               its name
 * @param status             DRAFT, RUNNING, PAUSED, COMPLETED or CANCELLED
 * @param caps               calls per second, at most
 * @param maxConcurrency     calls in flight, at most
 * @param ringTimeoutSeconds how long a phone may ring
 * @param weight             its share of saturated shared lines relative to other campaigns
 * @param strategy           how it picks a line and FS node: RANDOM, ROUND_ROBIN or BEST_CONNECT_RATE
 * @param maxAttempts        calls per task at most, business re-attempts included (1: never called again)
 * @param reattemptDelaySeconds how long after a busy or unanswered call its task is called again
 * @param inputClosed        whether more tasks may be added
 * @param workflowId         the campaign workflow's id once started
 * @param createdAt          when it was created
 * @param updatedAt          when it last changed
 */
public record CampaignRow(long id, String tenant, String pool, String name, String status, int caps,
                          int maxConcurrency, int ringTimeoutSeconds, int weight, String strategy, int maxAttempts, int reattemptDelaySeconds,
                          boolean inputClosed, String workflowId,
                          Instant createdAt, Instant updatedAt) {

    /** Whether a campaign workflow runs for it. */
    public boolean active() {
        return status.equals("RUNNING") || status.equals("PAUSED");
    }

    /** Whether it ended (completed or cancelled). */
    public boolean ended() {
        return status.equals("COMPLETED") || status.equals("CANCELLED");
    }
}
