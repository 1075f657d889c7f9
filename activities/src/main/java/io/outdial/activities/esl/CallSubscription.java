package io.outdial.activities.esl;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The events of one call (its channel's Unique-ID and its originate's Job-UUID), queued in arrival order
 * for one watcher thread. The event loop only enqueues, so a slow watcher never stalls the socket.
 * Closing it unsubscribes.
 */
public final class CallSubscription implements AutoCloseable {

    private final String uniqueId;
    private final String jobUuid;
    private final EventRouter router;
    private final BlockingQueue<CallSignal> signals = new LinkedBlockingQueue<>();

    CallSubscription(String uniqueId, String jobUuid, EventRouter router) {
        this.uniqueId = uniqueId;
        this.jobUuid = jobUuid;
        this.router = router;
    }

    public String uniqueId() {
        return uniqueId;
    }

    public String jobUuid() {
        return jobUuid;
    }

    /**
     * Waits up to {@code timeout} for the next signal.
     *
     * @return the next signal, or {@code null} if none came in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public CallSignal poll(Duration timeout) throws InterruptedException {
        return signals.poll(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
    }

    void offer(CallSignal signal) {
        signals.offer(signal);
    }

    @Override
    public void close() {
        router.unsubscribe(this);
    }
}
