package io.outdial.activities.esl;

/** The command was never written to FreeSWITCH (not connected, or the write failed). */
public final class EslNotSentException extends EslException {

    public EslNotSentException(String message) {
        super(message);
    }

    public EslNotSentException(String message, Throwable cause) {
        super(message, cause);
    }
}
