package io.outdial.workflows.common;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Deterministic identifiers built from business data, never from run ids, so a retried or replayed
 * step always names the same workflow and the same FreeSWITCH channel.
 */
public final class WorkflowIds {

    private WorkflowIds() {
    }

    /** The id of the campaign workflow: {@code campaign-<campaignId>}. */
    public static String campaign(long campaignId) {
        return "campaign-" + campaignId;
    }

    /** The id of one call's workflow: {@code call-<campaignId>-<taskId>}. */
    public static String call(long campaignId, long taskId) {
        return "call-" + campaignId + "-" + taskId;
    }

    /**
     * The {@code origination_uuid} of one dial attempt: a name-based UUID of (campaign, task,
     * attempt), so the same attempt always names the same channel and a second originate of it
     * is recognisable on the FreeSWITCH side.
     */
    public static UUID originationUuid(long campaignId, long taskId, int attempt) {
        String name = "outdial-call:" + campaignId + ":" + taskId + ":" + attempt;
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
    }
}
