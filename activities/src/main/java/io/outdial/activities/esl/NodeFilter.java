package io.outdial.activities.esl;

import java.util.List;

/**
 * The per-node filter (DESIGN.md section 4): the commands that make FreeSWITCH send this app node only
 * its own calls' events, its own BACKGROUND_JOBs and HEARTBEATs. Filters belong to a connection, so
 * they are sent on every (re)connect, and before {@code event plain} so no foreign event slips in.
 */
final class NodeFilter {

    static final String EVENTS = "CHANNEL_CREATE CHANNEL_PROGRESS CHANNEL_PROGRESS_MEDIA CHANNEL_ANSWER "
            + "CHANNEL_HANGUP_COMPLETE BACKGROUND_JOB HEARTBEAT";

    private NodeFilter() {
    }

    static List<String> commands(String nodeTag) {
        OriginateCommand.requireNodeTag(nodeTag);
        return List.of(
                "filter variable_dialer_node " + nodeTag,
                "filter Job-Command-Arg /dialer_node=" + nodeTag + "[,}]/",
                "filter Event-Name HEARTBEAT",
                "event plain " + EVENTS);
    }
}
