package io.outdial.activities.esl;

/** FreeSWITCH answered a command with {@code -ERR ...}. */
public final class EslCommandRejectedException extends EslException {

    private final String replyText;

    public EslCommandRejectedException(String replyText) {
        super("FS rejected the command: " + replyText);
        this.replyText = replyText;
    }

    /** The {@code Reply-Text}, e.g. {@code -ERR command not found}. */
    public String replyText() {
        return replyText;
    }
}
