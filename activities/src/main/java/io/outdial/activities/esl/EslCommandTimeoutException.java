package io.outdial.activities.esl;

import java.time.Duration;

/**
 * The command left but no reply came in time. The connection is closed and reconnected, because a
 * late reply would be matched to the wrong command.
 */
public final class EslCommandTimeoutException extends EslException {

    public EslCommandTimeoutException(String nodeId, Duration timeout) {
        super("no ESL reply from FS node " + nodeId + " within " + timeout.toMillis() + " ms");
    }
}
