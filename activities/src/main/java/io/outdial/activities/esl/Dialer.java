package io.outdial.activities.esl;

import io.outdial.workflows.call.PlaceCallResult;

/**
 * Places calls through FreeSWITCH's Event Socket. One implementation holds one ESL connection per
 * FreeSWITCH node, each with this app node's filter, and routes each call's events to its caller in
 * order.
 */
public interface Dialer {

    /**
     * Sends {@code bgapi originate} for one call at once (the caller has already taken its CAPS token
     * and idempotency key) and watches it until CHANNEL_HANGUP_COMPLETE, a failed job result with no
     * channel, a lost connection, or {@link Dial#watchTimeout()}. Never re-sends. Calls
     * {@code heartbeat} at least every few seconds while watching.
     *
     * @return what was seen; {@code sent} is false if the command could not be written at all
     * @throws IllegalArgumentException if the dial carries a number or variable that fails validation
     */
    PlaceCallResult dial(Dial dial, Runnable heartbeat);
}
