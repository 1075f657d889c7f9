package io.outdial.activities.esl;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventRouterTest {

    private static final String CALL = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";
    private static final String JOB = "7a1e3c52-1d6f-4f0e-8b7a-3d2f6c9e0b14";

    private final EventRouter router = new EventRouter();

    @Test
    void channelEventsGoByUniqueIdAndJobResultsByJobUuid() throws Exception {
        try (CallSubscription call = router.subscribe(CALL, JOB)) {
            router.onEvent(event("CHANNEL_CREATE", Map.of("Unique-ID", CALL)));
            router.onEvent(event("BACKGROUND_JOB", Map.of("Job-UUID", JOB)));

            assertThat(call.poll(Duration.ofSeconds(1)).event().name()).isEqualTo("CHANNEL_CREATE");
            assertThat(call.poll(Duration.ofSeconds(1)).event().name()).isEqualTo("BACKGROUND_JOB");
        }
    }

    @Test
    void eventsOfOtherCallsAndHeartbeatsReachNoSubscriber() throws Exception {
        try (CallSubscription call = router.subscribe(CALL, JOB)) {
            router.onEvent(event("CHANNEL_CREATE", Map.of("Unique-ID", "11111111-1111-1111-1111-111111111111")));
            router.onEvent(event("HEARTBEAT", Map.of()));

            assertThat(call.poll(Duration.ofMillis(50))).isNull();
            assertThat(router.unroutedEvents()).isEqualTo(1);
            assertThat(router.callEventsReceived()).isEqualTo(1);
        }
    }

    @Test
    void aConnectionLossReachesEveryWatchedCall() throws Exception {
        try (CallSubscription first = router.subscribe(CALL, JOB);
             CallSubscription second = router.subscribe("11111111-1111-1111-1111-111111111111",
                     "22222222-2222-2222-2222-222222222222")) {
            router.onConnectionLost();

            assertThat(first.poll(Duration.ofSeconds(1)).isConnectionLost()).isTrue();
            assertThat(second.poll(Duration.ofSeconds(1)).isConnectionLost()).isTrue();
        }
    }

    @Test
    void oneCallCannotBeWatchedTwiceAndClosingUnsubscribes() {
        CallSubscription call = router.subscribe(CALL, JOB);

        assertThatThrownBy(() -> router.subscribe(CALL, "22222222-2222-2222-2222-222222222222"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> router.subscribe("11111111-1111-1111-1111-111111111111", JOB))
                .isInstanceOf(IllegalStateException.class);
        assertThat(router.subscriptions()).isEqualTo(1);

        call.close();

        assertThat(router.subscriptions()).isZero();
        router.subscribe(CALL, JOB).close();
    }

    private static EslEvent event(String name, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.LinkedHashMap<>(headers);
        all.put("Event-Name", name);
        return new EslEvent(name, all, "");
    }
}
