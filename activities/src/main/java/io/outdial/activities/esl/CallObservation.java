package io.outdial.activities.esl;

import io.outdial.workflows.call.PlaceCallResult;

/**
 * What has been seen of one call so far; becomes its {@link PlaceCallResult}. Records facts only:
 * the classifier draws conclusions. Used by one watcher thread.
 */
final class CallObservation {

    private final String originationUuid;
    private boolean sent;
    private String jobResult;
    private boolean channelSeen;
    private boolean created;
    private boolean progress;
    private boolean answered;
    private boolean hungUp;
    private String hangupCause;
    private Integer sipStatus;
    private long billsec;
    private boolean connectionLost;
    private boolean timedOut;
    private long startedAtMs;
    private long answeredAtMs;
    private long endedAtMs;

    CallObservation(String originationUuid) {
        this.originationUuid = originationUuid;
    }

    void sending(long nowMs) {
        sent = true;
        startedAtMs = nowMs;
    }

    void notSent() {
        sent = false;
        startedAtMs = 0;
    }

    void rejected(String replyText) {
        jobResult = replyText == null ? null : replyText.trim();
    }

    void connectionLost() {
        connectionLost = true;
    }

    void timedOut() {
        timedOut = true;
    }

    boolean hungUp() {
        return hungUp;
    }

    boolean hasJobResult() {
        return jobResult != null;
    }

    /**
     * Takes in one event of this call.
     *
     * @return whether the call is over: CHANNEL_HANGUP_COMPLETE, or a failed job result while no channel
     *         was ever seen (then the call never existed)
     */
    boolean apply(EslEvent event, long nowMs) {
        switch (event.name()) {
            case "CHANNEL_CREATE" -> {
                channelSeen = true;
                created = true;
            }
            case "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA" -> {
                channelSeen = true;
                progress = true;
            }
            case "CHANNEL_ANSWER" -> {
                channelSeen = true;
                answered = true;
                if (answeredAtMs == 0) {
                    answeredAtMs = nowMs;
                }
            }
            case "CHANNEL_HANGUP_COMPLETE" -> {
                channelSeen = true;
                hungUp = true;
                hangupCause = event.header("Hangup-Cause");
                sipStatus = parseInteger(event.header("variable_sip_term_status"));
                Integer seconds = parseInteger(event.header("variable_billsec"));
                billsec = seconds == null ? 0 : seconds;
                return true;
            }
            case "BACKGROUND_JOB" -> {
                jobResult = event.body().trim();
                return jobResult.startsWith("-ERR") && !channelSeen;
            }
            default -> {
            }
        }
        return false;
    }

    PlaceCallResult result(long endedAtMs) {
        this.endedAtMs = endedAtMs;
        return new PlaceCallResult(originationUuid, sent, false, jobResult, created, progress, answered, hangupCause,
                sipStatus, billsec, connectionLost, timedOut, startedAtMs, answeredAtMs, this.endedAtMs);
    }

    private static Integer parseInteger(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
