package io.outdial.activities.esl;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Routes one connection's events to the call they belong to: channel events by {@code Unique-ID},
 * BACKGROUND_JOB by {@code Job-UUID}. Each call's events reach its {@link CallSubscription} in arrival
 * order; a connection loss reaches every subscription. Subscribe before sending the originate, so no
 * early event is missed.
 */
public final class EventRouter implements EslListener {

    private final ConcurrentMap<String, CallSubscription> byUniqueId = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, CallSubscription> byJobUuid = new ConcurrentHashMap<>();
    private final AtomicLong callEvents = new AtomicLong();
    private final AtomicLong unrouted = new AtomicLong();

    /**
     * Starts collecting the events of the channel {@code uniqueId} and of the job {@code jobUuid}.
     *
     * @throws IllegalStateException if either is already subscribed
     */
    public CallSubscription subscribe(String uniqueId, String jobUuid) {
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(jobUuid, "jobUuid");
        CallSubscription subscription = new CallSubscription(uniqueId, jobUuid, this);
        if (byUniqueId.putIfAbsent(uniqueId, subscription) != null) {
            throw new IllegalStateException("call " + uniqueId + " is already being watched");
        }
        if (byJobUuid.putIfAbsent(jobUuid, subscription) != null) {
            byUniqueId.remove(uniqueId, subscription);
            throw new IllegalStateException("job " + jobUuid + " is already being watched");
        }
        return subscription;
    }

    void unsubscribe(CallSubscription subscription) {
        byUniqueId.remove(subscription.uniqueId(), subscription);
        byJobUuid.remove(subscription.jobUuid(), subscription);
    }

    @Override
    public void onEvent(EslEvent event) {
        if ("HEARTBEAT".equals(event.name())) {
            return;
        }
        callEvents.incrementAndGet();
        String key = "BACKGROUND_JOB".equals(event.name()) ? event.jobUuid() : event.uniqueId();
        CallSubscription subscription = key == null ? null : ("BACKGROUND_JOB".equals(event.name())
                ? byJobUuid.get(key) : byUniqueId.get(key));
        if (subscription == null) {
            unrouted.incrementAndGet();
            return;
        }
        subscription.offer(CallSignal.of(event));
    }

    @Override
    public void onConnectionLost() {
        byUniqueId.values().forEach(subscription -> subscription.offer(CallSignal.connectionLost()));
    }

    /** How many calls are being watched. */
    public int subscriptions() {
        return byUniqueId.size();
    }

    /** Call events (all but HEARTBEAT) this connection has received, routed or not. */
    public long callEventsReceived() {
        return callEvents.get();
    }

    /** Call events that belonged to no watched call (late, or another node's if the filter failed). */
    public long unroutedEvents() {
        return unrouted.get();
    }
}
