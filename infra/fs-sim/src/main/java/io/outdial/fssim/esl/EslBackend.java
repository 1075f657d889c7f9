package io.outdial.fssim.esl;

import java.util.concurrent.CompletionStage;

/** What an ESL connection needs from the FreeSWITCH node behind it. */
public interface EslBackend {

    /** True when {@code password} is this node's ESL password. */
    boolean checkPassword(String password);

    /** Runs an {@code api} command; completes with the response body. */
    CompletionStage<String> api(String command, String args);

    /** Starts a {@code bgapi} job whose result arrives later as a BACKGROUND_JOB event. */
    void bgapi(String jobUuid, String command, String args);

    /** Counts a received command under its stats key. */
    void countCommand(String key);

    /** The connection authenticated and may receive events. */
    void attach(EslConnection connection);

    /** The connection is gone. */
    void detach(EslConnection connection);
}
