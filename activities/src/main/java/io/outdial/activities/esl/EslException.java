package io.outdial.activities.esl;

/** A failure talking to FreeSWITCH over ESL. Subclasses say which kind. */
public class EslException extends RuntimeException {

    public EslException(String message) {
        super(message);
    }

    public EslException(String message, Throwable cause) {
        super(message, cause);
    }
}
