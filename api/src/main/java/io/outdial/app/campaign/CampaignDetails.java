package io.outdial.app.campaign;

import io.outdial.workflows.campaign.CampaignProgress;
import java.util.Map;

/**
 * A campaign with its progress, as {@code GET /api/v1/campaigns/{id}} returns it.
 *
 * @param campaign          the stored campaign
 * @param tasksByStatus     task counts by status (QUEUED, DIALING, DONE, CANCELLED)
 * @param attempts          call attempts recorded
 * @param attemptsByOutcome call attempts by outcome
 * @param attemptsByFault   call attempts by fault class
 * @param progress          the campaign workflow's own view while it runs, else {@code null}
 */
public record CampaignDetails(CampaignRow campaign, Map<String, Long> tasksByStatus, long attempts,
                              Map<String, Long> attemptsByOutcome, Map<String, Long> attemptsByFault,
                              CampaignProgress progress) {
}
