package io.outdial.activities.call;

import io.outdial.activities.esl.Dial;
import io.outdial.activities.esl.Dialer;
import io.outdial.workflows.call.PlaceCallResult;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A dialer that records each dial and the clock time it was asked to send it; the call is answered. */
class RecordingDialer implements Dialer {

    /** One dial as the dialer got it. */
    record Sent(Dial dial, long atMs) {
    }

    private final Clock clock;
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile Consumer<Runnable> whileWatching = Runnable::run;
    private volatile boolean rejecting;

    RecordingDialer(Clock clock) {
        this.clock = clock;
    }

    /** What the dialer does with the heartbeat while it "watches" the call; by default beats once. */
    void whileWatching(Consumer<Runnable> action) {
        this.whileWatching = action;
    }

    /** From now on rejects every dial as a real dialer rejects a bad number: quoting it. */
    void rejectEveryDial() {
        rejecting = true;
    }

    List<Sent> sent() {
        return sent;
    }

    @Override
    public PlaceCallResult dial(Dial dial, Runnable heartbeat) {
        if (rejecting) {
            throw new IllegalArgumentException("invalid number " + dial.number());
        }
        long at = clock.millis();
        sent.add(new Sent(dial, at));
        whileWatching.accept(heartbeat);
        return new PlaceCallResult(dial.originationUuid(), true, false, "+OK " + dial.originationUuid(), true, true,
                true, "NORMAL_CLEARING", 200, 12, false, false, at, at + 3_000, clock.millis());
    }
}
