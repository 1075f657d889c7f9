package io.outdial.activities.esl;

/** The ESL connection dropped after the command left and before its reply arrived. */
public final class EslConnectionLostException extends EslException {

    public EslConnectionLostException(String nodeId) {
        super("ESL connection to FS node " + nodeId + " lost before the reply");
    }
}
