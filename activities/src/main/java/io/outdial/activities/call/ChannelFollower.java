package io.outdial.activities.call;

import io.outdial.activities.esl.CallSignal;
import io.outdial.activities.esl.EslEvent;
import io.outdial.workflows.call.ChannelEnd;
import java.time.Clock;
import java.time.Duration;

/**
 * Follows a live channel of an earlier attempt to its end: subscribes to its events first, then asks
 * whether it still exists (so no hangup falls between the two), and keeps asking every
 * {@code existenceCheck}. A channel that is gone without its hangup having arrived within
 * {@code goneGrace} ended unseen: its events do not reach this worker (another app node placed it, or
 * the hangup fell into a lost connection). A lost connection fails the watch, to be retried.
 */
public class ChannelFollower {

    private final ChannelProbe probe;
    private final Clock clock;
    private final Duration existenceCheck;
    private final Duration goneGrace;

    /**
     * @param existenceCheck how often to ask whether the channel still exists
     * @param goneGrace      how long after the channel is gone its hangup may still arrive
     */
    public ChannelFollower(ChannelProbe probe, Clock clock, Duration existenceCheck, Duration goneGrace) {
        this.probe = probe;
        this.clock = clock;
        this.existenceCheck = existenceCheck;
        this.goneGrace = goneGrace;
    }

    /** Every 5 s, hangup grace 2 s. */
    public ChannelFollower(ChannelProbe probe, Clock clock) {
        this(probe, clock, Duration.ofSeconds(5), Duration.ofSeconds(2));
    }

    /**
     * Follows the channel until its hangup, its disappearance or {@code watchTime}.
     *
     * @param heartbeat called at least every {@code existenceCheck}
     * @throws IllegalStateException if the connection to the node is lost while following
     * @throws InterruptedException  if the thread is interrupted
     */
    public ChannelEnd follow(String fsNodeId, String uuid, Duration watchTime, Runnable heartbeat)
            throws InterruptedException {
        try (ChannelProbe.Events events = probe.follow(fsNodeId, uuid)) {
            Seen seen = new Seen();
            if (!probe.exists(fsNodeId, uuid)) {
                return seen.unseen(clock.millis());
            }
            long now = System.nanoTime();
            long deadline = now + watchTime.toNanos();
            long nextCheck = now + existenceCheck.toNanos();
            long goneBy = Long.MAX_VALUE;
            while (true) {
                heartbeat.run();
                now = System.nanoTime();
                if (now >= deadline || now >= goneBy) {
                    return seen.unseen(clock.millis());
                }
                if (now >= nextCheck) {
                    if (goneBy == Long.MAX_VALUE && !probe.exists(fsNodeId, uuid)) {
                        goneBy = now + goneGrace.toNanos();
                    }
                    nextCheck = now + existenceCheck.toNanos();
                }
                long wait = Math.min(Math.min(deadline, goneBy), nextCheck) - now;
                CallSignal signal = events.poll(Duration.ofNanos(Math.max(1, wait)));
                if (signal == null) {
                    continue;
                }
                if (signal.isConnectionLost()) {
                    throw new IllegalStateException("ESL connection to " + fsNodeId + " lost while following " + uuid);
                }
                ChannelEnd end = seen.apply(signal.event(), clock.millis());
                if (end != null) {
                    return end;
                }
            }
        }
    }

    /** What has been seen of the followed channel. */
    private static final class Seen {
        private boolean progress;
        private boolean answered;
        private long answeredAtMs;

        /** @return the channel's end if the event is its hangup, else {@code null} */
        ChannelEnd apply(EslEvent event, long nowMs) {
            switch (event.name()) {
                case "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA" -> progress = true;
                case "CHANNEL_ANSWER" -> {
                    answered = true;
                    answeredAtMs = answeredAtMs == 0 ? nowMs : answeredAtMs;
                }
                case "CHANNEL_HANGUP_COMPLETE" -> {
                    return new ChannelEnd(true, progress, answered, event.header("Hangup-Cause"),
                            parse(event.header("variable_sip_term_status")),
                            orZero(parse(event.header("variable_billsec"))), answeredAtMs, nowMs);
                }
                default -> {
                }
            }
            return null;
        }

        ChannelEnd unseen(long nowMs) {
            return new ChannelEnd(false, progress, answered, null, null, 0, answeredAtMs, nowMs);
        }

        private static long orZero(Integer value) {
            return value == null ? 0 : value;
        }

        private static Integer parse(String value) {
            if (value == null) {
                return null;
            }
            try {
                return Integer.valueOf(value.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
