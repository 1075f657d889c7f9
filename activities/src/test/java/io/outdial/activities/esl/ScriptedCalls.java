package io.outdial.activities.esl;

import java.util.Map;

/**
 * What the scripted server does with a {@code bgapi originate}, by callee number, like fs-sim's scripted
 * numbers. Event orders follow FreeSWITCH: the BACKGROUND_JOB of a failed call may come before or after
 * CHANNEL_HANGUP_COMPLETE.
 */
final class ScriptedCalls {

    static final String ANSWERED = "15550000001";
    static final String BUSY_JOB_AFTER_HANGUP = "15550000002";
    static final String GATEWAY_DOWN = "15550000003";
    static final String RINGS_FOREVER = "15550000004";
    static final String DROPS_AFTER_CREATE = "15550000005";
    static final String NO_REPLY = "15550000006";
    static final String BUSY_JOB_BEFORE_HANGUP = "15550000007";

    private ScriptedCalls() {
    }

    static void handle(ScriptedEslServer.Connection connection, String frame) {
        if (!frame.startsWith("bgapi originate")) {
            return;
        }
        EslFrames.Originate call = EslFrames.parseOriginate(frame);
        if (call.number().equals(NO_REPLY)) {
            return;
        }
        connection.send(EslFrames.bgapiAccepted(call.jobUuid()));
        String uuid = call.originationUuid();
        switch (call.number()) {
            case ANSWERED -> connection.send(create(uuid) + progress(uuid) + answer(uuid)
                    + EslFrames.backgroundJob(call.jobUuid(), call.command(), "+OK " + uuid)
                    + hangup(uuid, "NORMAL_CLEARING", "200", "13"));
            case BUSY_JOB_AFTER_HANGUP -> connection.send(create(uuid) + progress(uuid)
                    + hangup(uuid, "USER_BUSY", "486", "0")
                    + EslFrames.backgroundJob(call.jobUuid(), call.command(), "-ERR USER_BUSY"));
            case BUSY_JOB_BEFORE_HANGUP -> connection.send(create(uuid) + progress(uuid)
                    + EslFrames.backgroundJob(call.jobUuid(), call.command(), "-ERR USER_BUSY")
                    + hangup(uuid, "USER_BUSY", "486", "0"));
            case GATEWAY_DOWN -> connection.send(
                    EslFrames.backgroundJob(call.jobUuid(), call.command(), "-ERR GATEWAY_DOWN"));
            case RINGS_FOREVER -> connection.send(create(uuid) + progress(uuid));
            case DROPS_AFTER_CREATE -> {
                connection.send(create(uuid));
                connection.drop();
            }
            default -> connection.send(EslFrames.backgroundJob(call.jobUuid(), call.command(),
                    "-ERR UNALLOCATED_NUMBER"));
        }
    }

    static String create(String uuid) {
        return EslFrames.channelEvent("CHANNEL_CREATE", uuid, 1, Map.of("variable_dialer_node", "app07"));
    }

    static String progress(String uuid) {
        return EslFrames.channelEvent("CHANNEL_PROGRESS", uuid, 2, Map.of());
    }

    static String answer(String uuid) {
        return EslFrames.channelEvent("CHANNEL_ANSWER", uuid, 3, Map.of());
    }

    static String hangup(String uuid, String cause, String sipStatus, String billsec) {
        return EslFrames.channelEvent("CHANNEL_HANGUP_COMPLETE", uuid, 4, Map.of("Hangup-Cause", cause,
                "variable_sip_term_status", sipStatus, "variable_billsec", billsec));
    }
}
