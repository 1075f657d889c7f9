package io.outdial.activities.esl;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ESL client waits.
 *
 * @param connectTimeout      TCP connect timeout, and the longest wait for FreeSWITCH's greeting
 * @param commandTimeout      the longest wait for the reply to one command; past it the connection is reset
 * @param reconnectMaxBackoff the cap of the exponential reconnect backoff, and the retry interval after
 *                            an authentication failure
 * @param silenceTimeout      a connection that hears nothing (not even a HEARTBEAT) for this long is
 *                            treated as lost; FreeSWITCH sends a HEARTBEAT every 20 s
 */
public record EslSettings(Duration connectTimeout, Duration commandTimeout, Duration reconnectMaxBackoff,
                          Duration silenceTimeout) {

    public EslSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(reconnectMaxBackoff, "reconnectMaxBackoff");
        requirePositive(silenceTimeout, "silenceTimeout");
    }

    /** 5 s connect, 5 s per command, reconnect backoff up to 10 s, 65 s of silence (three missed heartbeats). */
    public static EslSettings defaults() {
        return new EslSettings(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofSeconds(65));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + ": must be positive");
        }
    }
}
