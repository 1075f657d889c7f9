package io.outdial.fssim.call;

import io.outdial.fssim.CallOutcome;
import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Plays the live calls of one node through their states, firing the channel events in FreeSWITCH's
 * order. All state changes run on one clock thread; timers are scheduled tasks, not threads.
 */
public final class CallRunner {

    /** Time from INVITE to 180 Ringing (or to the ring time, when shorter). */
    static final long PROGRESS_AFTER_MS = 50;
    /** Time from INVITE to an immediate carrier refusal (404, 503). */
    static final long REFUSE_AFTER_MS = 30;

    private final Map<String, Call> live = new ConcurrentHashMap<>();
    private final EventSink sink;
    private final ScheduledExecutorService clockThread;
    private final Clock clock;
    private final Carrier carrier;
    private final Consumer<Call> onEnded;

    public CallRunner(EventSink sink, ScheduledExecutorService clockThread, Clock clock, Carrier carrier,
                      Consumer<Call> onEnded) {
        this.sink = sink;
        this.clockThread = clockThread;
        this.clock = clock;
        this.carrier = carrier;
        this.onEnded = onEnded;
    }

    public int count() {
        return live.size();
    }

    public boolean exists(String uuid) {
        return live.containsKey(uuid);
    }

    public Collection<Call> calls() {
        return live.values();
    }

    /**
     * Creates the channel and plays it. Call on the clock thread.
     *
     * @param carrierAccepted false when the carrier refuses the INVITE (over CAPS or concurrency): SIP 503
     */
    public void start(Call call, boolean carrierAccepted) {
        live.put(call.uuid(), call);
        call.holdsCarrierSlot = carrierAccepted;
        sink.publish(s -> ChannelEvents.create(s, call));
        if (!carrierAccepted) {
            later(call, REFUSE_AFTER_MS, () -> end(call, HangupCause.NORMAL_TEMPORARY_FAILURE, 503, "recv_refuse"));
        } else if (call.plan().outcome() == CallOutcome.INVALID) {
            later(call, REFUSE_AFTER_MS, () -> end(call, HangupCause.UNALLOCATED_NUMBER, 404, "recv_refuse"));
        } else {
            later(call, Math.min(PROGRESS_AFTER_MS, call.plan().ringMs()), () -> ringing(call));
        }
    }

    /** Hangs up a live call with {@code cause} (uuid_kill); false when there is no such channel. */
    public boolean kill(String uuid, HangupCause cause) {
        Call call = live.get(uuid);
        if (call == null) {
            return false;
        }
        clockThread.execute(() -> {
            if (call.answered()) {
                end(call, cause, 200, "send_bye");
            } else {
                end(call, cause, 487, "send_cancel");
            }
        });
        return true;
    }

    /** Makes every call vanish without an event, as when the node crashes. Call on the clock thread. */
    public void dropAll() {
        for (Call call : live.values()) {
            call.hangup(HangupCause.CRASH, 0, null, clock.millis());
            releaseCarrier(call);
        }
        live.clear();
    }

    private void ringing(Call call) {
        if (call.ended) {
            return;
        }
        call.progressMs = clock.millis();
        sink.publish(s -> ChannelEvents.progress(s, call));
        if (call.plan().earlyMedia()) {
            sink.publish(s -> ChannelEvents.progressMedia(s, call));
        }
        long elapsed = call.progressMs - call.createdMs();
        long ringLeft = Math.max(0, call.plan().ringMs() - elapsed);
        long timeoutLeft = Math.max(0, call.timeoutMs() - elapsed);
        switch (call.plan().outcome()) {
            case NO_ANSWER -> later(call, timeoutLeft, () -> end(call, HangupCause.NO_ANSWER, 487, "send_cancel"));
            default -> {
                if (call.plan().ringMs() >= call.timeoutMs()) {
                    later(call, timeoutLeft, () -> end(call, HangupCause.NO_ANSWER, 487, "send_cancel"));
                } else {
                    later(call, ringLeft, () -> farEndDecides(call));
                }
            }
        }
    }

    private void farEndDecides(Call call) {
        switch (call.plan().outcome()) {
            case ANSWER -> answer(call);
            case BUSY -> end(call, HangupCause.USER_BUSY, 486, "recv_refuse");
            case REJECT -> end(call, HangupCause.CALL_REJECTED, 603, "recv_refuse");
            default -> end(call, HangupCause.NO_ANSWER, 487, "send_cancel");
        }
    }

    private void answer(Call call) {
        if (call.ended) {
            return;
        }
        call.answeredMs = clock.millis();
        sink.publish(s -> ChannelEvents.answer(s, call));
        call.reportOriginate("+OK " + call.uuid() + "\n");
        later(call, call.plan().talkMs(), () -> end(call, HangupCause.NORMAL_CLEARING, 200, "send_bye"));
    }

    private void end(Call call, HangupCause cause, int sipStatus, String disposition) {
        if (call.ended) {
            return;
        }
        call.hangup(cause, sipStatus, disposition, clock.millis());
        sink.publish(s -> ChannelEvents.hangup(s, call));
        if (!call.answered()) {
            call.reportOriginate("-ERR " + cause.name() + "\n");
        }
        sink.publish(s -> ChannelEvents.hangupComplete(s, call));
        live.remove(call.uuid());
        releaseCarrier(call);
        onEnded.accept(call);
    }

    private void releaseCarrier(Call call) {
        if (call.holdsCarrierSlot) {
            call.holdsCarrierSlot = false;
            carrier.release(call.gateway());
        }
    }

    private void later(Call call, long delayMs, Runnable step) {
        call.next = clockThread.schedule(() -> {
            if (!call.ended) {
                step.run();
            }
        }, delayMs, TimeUnit.MILLISECONDS);
    }
}
