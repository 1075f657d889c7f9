package io.outdial.activities.esl;

import io.outdial.workflows.call.PlaceCallResult;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Watches one sent originate on the caller's thread: waits for FreeSWITCH to accept the bgapi, then
 * reads the call's events until it is over, the connection is lost or the watch time is up, heart-
 * beating all along. Every wait is bounded and interruptible; an interrupt ends the watch with a
 * {@link CancellationException} and the thread's interrupt flag set.
 */
final class CallWatcher {

    /** After HANGUP_COMPLETE, how long to wait for a BACKGROUND_JOB result still on its way. */
    static final Duration JOB_RESULT_GRACE = Duration.ofSeconds(1);

    private final Clock clock;
    private final Duration heartbeatInterval;

    CallWatcher(Clock clock, Duration heartbeatInterval) {
        this.clock = clock;
        this.heartbeatInterval = heartbeatInterval;
    }

    PlaceCallResult watch(CallSubscription calls, CompletableFuture<EslReply> accepted, Duration replyTimeout,
                          Duration watchTimeout, CallObservation seen, Runnable heartbeat) {
        Beat beat = new Beat(heartbeat);
        long watchDeadline = System.nanoTime() + watchTimeout.toNanos();
        if (awaitAccepted(accepted, replyTimeout, seen, beat)) {
            readEvents(calls, watchDeadline, seen, beat);
        }
        return seen.result(clock.millis());
    }

    private boolean awaitAccepted(CompletableFuture<EslReply> accepted, Duration replyTimeout, CallObservation seen,
                                  Beat beat) {
        // the connection fails the command after replyTimeout; the margin only guards against a bug there
        long deadline = System.nanoTime() + replyTimeout.toNanos() + Duration.ofSeconds(1).toNanos();
        while (true) {
            long now = System.nanoTime();
            if (now >= deadline) {
                seen.connectionLost();
                return false;
            }
            try {
                accepted.get(Math.min(deadline - now, beat.nanosUntilDue()), TimeUnit.NANOSECONDS);
                return true;
            } catch (TimeoutException e) {
                beat.ifDue();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                        ? e.getCause().getCause() : e.getCause();
                if (cause instanceof EslNotSentException) {
                    seen.notSent();
                } else if (cause instanceof EslCommandRejectedException rejected) {
                    seen.rejected(rejected.replyText());
                } else {
                    seen.connectionLost();
                }
                return false;
            } catch (InterruptedException e) {
                throw interrupted();
            }
        }
    }

    private void readEvents(CallSubscription calls, long watchDeadline, CallObservation seen, Beat beat) {
        long graceDeadline = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            if (now >= graceDeadline) {
                return;
            }
            if (now >= watchDeadline) {
                if (!seen.hungUp()) {
                    seen.timedOut();
                }
                return;
            }
            beat.ifDue();
            long wait = Math.min(Math.min(watchDeadline, graceDeadline) - now, beat.nanosUntilDue());
            CallSignal signal;
            try {
                signal = calls.poll(Duration.ofNanos(wait));
            } catch (InterruptedException e) {
                throw interrupted();
            }
            if (signal == null) {
                continue;
            }
            if (signal.isConnectionLost()) {
                if (!seen.hungUp()) {
                    seen.connectionLost();
                }
                return;
            }
            boolean neverExisted = seen.apply(signal.event(), clock.millis()) && !seen.hungUp();
            if (neverExisted || seen.hungUp() && seen.hasJobResult()) {
                return;
            }
            if (seen.hungUp() && graceDeadline == Long.MAX_VALUE) {
                graceDeadline = System.nanoTime() + JOB_RESULT_GRACE.toNanos();
            }
        }
    }

    private static CancellationException interrupted() {
        Thread.currentThread().interrupt();
        return new CancellationException("interrupted while watching a call");
    }

    /** Calls the heartbeat when it is due. */
    private final class Beat {
        private final Runnable heartbeat;
        private long last = System.nanoTime();

        Beat(Runnable heartbeat) {
            this.heartbeat = heartbeat;
            heartbeat.run();
        }

        long nanosUntilDue() {
            return Math.max(1, last + heartbeatInterval.toNanos() - System.nanoTime());
        }

        void ifDue() {
            long now = System.nanoTime();
            if (now - last >= heartbeatInterval.toNanos()) {
                heartbeat.run();
                last = now;
            }
        }
    }
}
