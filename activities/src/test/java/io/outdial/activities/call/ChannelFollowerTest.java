package io.outdial.activities.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.activities.esl.CallSignal;
import io.outdial.activities.esl.EslEvent;
import io.outdial.workflows.call.ChannelEnd;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ChannelFollowerTest {

    private final FakeProbe probe = new FakeProbe();
    private final ChannelFollower follower =
            new ChannelFollower(probe, Clock.systemUTC(), Duration.ofMillis(50), Duration.ofMillis(100));

    @Test
    void aHangupAfterAnAnswerReportsTheCallsEnd() throws Exception {
        probe.signals.add(CallSignal.of(event("CHANNEL_ANSWER", Map.of())));
        probe.signals.add(CallSignal.of(event("CHANNEL_HANGUP_COMPLETE", Map.of("Hangup-Cause", "NORMAL_CLEARING",
                "variable_sip_term_status", "200", "variable_billsec", "17"))));

        ChannelEnd end = follower.follow("fs1", "u", Duration.ofSeconds(10), () -> { });

        assertThat(end).extracting(ChannelEnd::seenEnd, ChannelEnd::answered, ChannelEnd::hangupCause,
                ChannelEnd::sipStatus, ChannelEnd::billsec).containsExactly(true, true, "NORMAL_CLEARING", 200, 17L);
        assertThat(probe.closed).isTrue();
    }

    @Test
    void aLostConnectionFailsTheWatchSoItIsRetried() {
        probe.signals.add(CallSignal.connectionLost());

        assertThatThrownBy(() -> follower.follow("fs1", "u", Duration.ofSeconds(10), () -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("lost");
        assertThat(probe.closed).isTrue();
    }

    @Test
    void aCallStillUpWhenTheWatchTimeEndsIsUnseenAndHeartbeatsAllAlong() throws Exception {
        AtomicInteger beats = new AtomicInteger();

        ChannelEnd end = follower.follow("fs1", "u", Duration.ofMillis(300), beats::incrementAndGet);

        assertThat(end.seenEnd()).isFalse();
        assertThat(beats.get()).isGreaterThan(2);
    }

    @Test
    void aChannelThatGoesAwayWithoutItsHangupEndsUnseen() throws Exception {
        probe.exists.set(true);
        probe.existsAnswers.set(2);

        ChannelEnd end = follower.follow("fs1", "u", Duration.ofSeconds(10), () -> { });

        assertThat(end.seenEnd()).isFalse();
        assertThat(probe.asked.get()).isGreaterThanOrEqualTo(2);
    }

    private static EslEvent event(String name, Map<String, String> headers) {
        java.util.Map<String, String> all = new java.util.HashMap<>(headers);
        all.put("Event-Name", name);
        all.put("Unique-ID", "u");
        return new EslEvent(name, all, "");
    }

    /** Answers "exists" until {@code existsAnswers} questions were asked; then says gone. */
    private static final class FakeProbe implements ChannelProbe {
        final BlockingQueue<CallSignal> signals = new LinkedBlockingQueue<>();
        final AtomicBoolean exists = new AtomicBoolean(true);
        final AtomicInteger existsAnswers = new AtomicInteger(Integer.MAX_VALUE);
        final AtomicInteger asked = new AtomicInteger();
        volatile boolean closed;

        @Override
        public boolean exists(String fsNodeId, String uuid) {
            return asked.incrementAndGet() <= existsAnswers.get() && exists.get();
        }

        @Override
        public Events follow(String fsNodeId, String uuid) {
            return new Events() {
                @Override
                public CallSignal poll(Duration timeout) throws InterruptedException {
                    return signals.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
                }

                @Override
                public void close() {
                    closed = true;
                }
            };
        }
    }
}
