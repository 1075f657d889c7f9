package io.outdial.workflows.campaign;

/**
 * The {@link io.temporal.failure.ApplicationFailure} types with which a campaign workflow or its
 * activities fail for a reason that no retry can fix.
 */
public final class CampaignFailures {

    /** The campaign id names no campaign in PostgreSQL: the workflow fails at once. */
    public static final String CAMPAIGN_NOT_FOUND = "CampaignNotFound";

    /** The campaign has ended (COMPLETED or CANCELLED) in PostgreSQL: the workflow fails at once. */
    public static final String CAMPAIGN_ENDED = "CampaignEnded";

    /** The workflow's input has no campaign id, no pacing or a pacing out of range: the workflow fails at once. */
    public static final String INVALID_INPUT = "InvalidCampaignInput";

    /** The campaign takes no more tasks (ended, or its input is closed): the batch is refused. */
    public static final String INPUT_CLOSED = "CampaignInputClosed";

    private CampaignFailures() {
    }
}
