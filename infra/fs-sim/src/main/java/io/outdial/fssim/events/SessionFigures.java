package io.outdial.fssim.events;

/**
 * A node's session counters as {@code status} and HEARTBEAT report them.
 *
 * @param uptimeMillis time since the node started
 * @param sessionCount live sessions
 * @param sessionsPeak most live sessions at once
 * @param sessionsSinceStartup sessions created since start
 * @param maxSessions configured max-sessions
 * @param sessionsPerSecondMax configured sessions-per-second
 * @param sessionsPerSecondLast sessions created in the last full second
 * @param sessionsPerSecondPeak most sessions created in one second
 * @param sessionsPeak5Min most live sessions at once in the last 5 minutes
 * @param sessionsPerSecondPeak5Min most sessions created in one second in the last 5 minutes
 */
public record SessionFigures(long uptimeMillis, int sessionCount, int sessionsPeak, long sessionsSinceStartup,
                             int maxSessions, int sessionsPerSecondMax, int sessionsPerSecondLast,
                             int sessionsPerSecondPeak, int sessionsPeak5Min, int sessionsPerSecondPeak5Min) {

    /** {@code 0 years, 0 days, 2 hours, 5 minutes, 22 seconds, 0 milliseconds, 0 microseconds}. */
    public String upTimeText() {
        long ms = uptimeMillis;
        long seconds = ms / 1000;
        long minutes = seconds / 60;
        long hours = minutes / 60;
        long days = hours / 24;
        long years = days / 365;
        return years + " years, " + (days % 365) + " days, " + (hours % 24) + " hours, " + (minutes % 60)
                + " minutes, " + (seconds % 60) + " seconds, " + (ms % 1000) + " milliseconds, 0 microseconds";
    }

    /** The body of {@code api status}. */
    public String statusText() {
        return "UP " + upTimeText() + "\n"
                + "FreeSWITCH (Version 1.10.12 -release 64bit) is ready\n"
                + sessionsSinceStartup + " session(s) since startup\n"
                + sessionCount + " session(s) - peak " + sessionsPeak + ", last 5min " + sessionsPeak5Min + "\n"
                + sessionsPerSecondLast + " session(s) per Sec out of max " + sessionsPerSecondMax + ", peak "
                + sessionsPerSecondPeak + ", last 5min " + sessionsPerSecondPeak5Min + "\n"
                + maxSessions + " session(s) max\n"
                + "min idle cpu 0.00/97.10\n"
                + "Current Stack Size/Max 240K/8192K\n";
    }
}
