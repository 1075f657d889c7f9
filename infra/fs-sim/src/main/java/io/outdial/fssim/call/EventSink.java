package io.outdial.fssim.call;

import io.outdial.fssim.esl.EslEvent;
import io.outdial.fssim.events.EventStamp;
import java.util.function.Function;

/** Fires an event on a node: the node stamps it (time, next Event-Sequence) and sends it to its listeners. */
@FunctionalInterface
public interface EventSink {
    void publish(Function<EventStamp, EslEvent> event);
}
