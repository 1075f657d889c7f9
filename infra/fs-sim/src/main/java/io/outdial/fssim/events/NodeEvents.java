package io.outdial.fssim.events;

import io.outdial.fssim.esl.EslEvent;

/** Events that are about the node rather than a channel: BACKGROUND_JOB and HEARTBEAT. */
public final class NodeEvents {

    private NodeEvents() {
    }

    /** The result of a bgapi job; {@code result} is the body ({@code +OK <uuid>\n}, {@code -ERR CAUSE\n}...). */
    public static EslEvent backgroundJob(EventStamp stamp, String jobUuid, String command, String args, String result) {
        EslEvent.Builder b = stamp.begin("BACKGROUND_JOB", EventSource.API_EXEC)
                .header("Job-UUID", jobUuid)
                .header("Job-Command", command);
        if (!args.isEmpty()) {
            b.header("Job-Command-Arg", args);
        }
        return b.body(result).build();
    }

    /** HEARTBEAT with send_heartbeat's headers. */
    public static EslEvent heartbeat(EventStamp stamp, SessionFigures figures) {
        return stamp.begin("HEARTBEAT", EventSource.HEARTBEAT)
                .header("Event-Info", "System Ready")
                .header("Up-Time", figures.upTimeText())
                .header("FreeSWITCH-Version", "1.10.12-release~64bit")
                .header("Uptime-msec", figures.uptimeMillis())
                .header("Session-Count", figures.sessionCount())
                .header("Max-Sessions", figures.maxSessions())
                .header("Session-Per-Sec", figures.sessionsPerSecondMax())
                .header("Session-Per-Sec-Last", figures.sessionsPerSecondLast())
                .header("Session-Per-Sec-Max", figures.sessionsPerSecondPeak())
                .header("Session-Since-Startup", figures.sessionsSinceStartup())
                .header("Idle-CPU", "97.100000")
                .build();
    }
}
