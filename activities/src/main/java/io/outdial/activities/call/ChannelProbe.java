package io.outdial.activities.call;

import io.outdial.activities.esl.CallSignal;
import java.time.Duration;

/** Looks at a channel on an FS node without touching it: does it exist, and what happens to it next. */
public interface ChannelProbe {

    /** A probe for a worker without ESL links: every node is unreachable. */
    ChannelProbe UNREACHABLE = new ChannelProbe() {
        @Override
        public boolean exists(String fsNodeId, String uuid) {
            throw new IllegalStateException("this worker cannot ask FS node " + fsNodeId);
        }

        @Override
        public Events follow(String fsNodeId, String uuid) {
            throw new IllegalStateException("this worker cannot follow calls on FS node " + fsNodeId);
        }
    };

    /**
     * Whether the node has the channel now ({@code uuid_exists}).
     *
     * @throws RuntimeException if the node cannot be asked (unknown, not connected, no answer in time)
     */
    boolean exists(String fsNodeId, String uuid);

    /**
     * Starts receiving the channel's events from this worker's link to the node. Only events the node
     * sends this worker arrive: those of calls tagged with this app node's id.
     *
     * @throws RuntimeException if the node is unknown or the channel is already being watched here
     */
    Events follow(String fsNodeId, String uuid);

    /** The events of one followed channel; closing stops following. */
    interface Events extends AutoCloseable {

        /** The next event or a connection loss, or {@code null} if none came within {@code timeout}. */
        CallSignal poll(Duration timeout) throws InterruptedException;

        @Override
        void close();
    }
}
