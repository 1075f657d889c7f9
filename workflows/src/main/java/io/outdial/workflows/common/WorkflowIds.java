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
     * The id of the call workflow of a task's {@code businessAttempt}-th call (1 for its first call, 2 for
     * its first business re-attempt...): {@link #call(long, long)} for the first, so histories, links and
     * lookups of tasks that are called once are unchanged, else {@code call-<campaignId>-<taskId>-<n>}.
     */
    public static String call(long campaignId, long taskId, int businessAttempt) {
        if (businessAttempt < 1) {
            throw new IllegalArgumentException("business attempts count from 1: " + businessAttempt);
        }
        return businessAttempt == 1 ? call(campaignId, taskId) : call(campaignId, taskId) + "-" + businessAttempt;
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
