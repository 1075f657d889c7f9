package io.outdial.workflows.call;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/** The side effects of a call workflow. Run on the calls task queue. */
@ActivityInterface
public interface CallActivities {

    /**
     * Places one call and watches it to its end. Must never be retried (the workflow calls it with
     * {@code maximumAttempts = 1}): it claims the idempotency key (taskId, attempt) first and sends
     * nothing if the key was already claimed. It sends {@code bgapi originate} with the given
     * {@code origination_uuid} and the node tag, heartbeats while it watches, and reports what it
     * saw: job result, CREATE, PROGRESS, ANSWER, HANGUP_COMPLETE (cause, SIP status, billsec).
     */
    @ActivityMethod(name = "PlaceCall")
    PlaceCallResult placeCall(PlaceCallRequest request);

    /**
     * Records the attempt in PostgreSQL (idempotent upsert on (taskId, attempt)), marks the task done
     * when {@code finalAttempt}, and releases the concurrency leases the call held. Safe to retry.
     */
    @ActivityMethod(name = "RecordOutcome")
    OutcomeRecorded recordOutcome(OutcomeRecord outcome);
}
