package io.outdial.activities.esl;

/** FreeSWITCH refused the ESL password. Never treated as success; the connection retries slowly. */
public final class EslAuthException extends EslException {

    public EslAuthException(String nodeId, String replyText) {
        super("ESL authentication refused by FS node " + nodeId + ": " + replyText);
    }
}
