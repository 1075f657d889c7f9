package io.outdial.activities.call;

import io.outdial.activities.esl.CallSubscription;
import io.outdial.activities.esl.EslDialer;

/** {@link ChannelProbe} over this worker's ESL links. */
public class EslChannelProbe implements ChannelProbe {

    private final EslDialer dialer;

    public EslChannelProbe(EslDialer dialer) {
        this.dialer = dialer;
    }

    @Override
    public boolean exists(String fsNodeId, String uuid) {
        return dialer.uuidExists(fsNodeId, uuid);
    }

    @Override
    public Events follow(String fsNodeId, String uuid) {
        CallSubscription subscription = dialer.follow(fsNodeId, uuid);
        return new Events() {
            @Override
            public io.outdial.activities.esl.CallSignal poll(java.time.Duration timeout) throws InterruptedException {
                return subscription.poll(timeout);
            }

            @Override
            public void close() {
                subscription.close();
            }
        };
    }
}
