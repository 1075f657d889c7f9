package io.outdial.fssim;

/**
 * FreeSWITCH's own limits, per node ({@code max-sessions} and {@code sessions-per-second} in
 * switch.conf.xml). Over either, originate fails with {@code -ERR DESTINATION_OUT_OF_ORDER}.
 */
public record NodeLimits(int maxSessions, int sessionsPerSecond) {

    public NodeLimits {
        if (maxSessions < 0 || sessionsPerSecond < 0) {
            throw new IllegalArgumentException("node limits must be >= 0");
        }
    }

    public static NodeLimits defaults() {
        return new NodeLimits(1000, 100);
    }
}
