package io.outdial.app.stats;

import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.Pacing;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;

/**
 * A campaign's live figures at one moment.
 *
 * @param campaignId           the campaign
 * @param status               DRAFT, RUNNING, PAUSED, COMPLETED or CANCELLED
 * @param tasksByStatus        task counts by status
 * @param attempts             call attempts recorded
 * @param attemptsByOutcome    recorded attempts by outcome
 * @param attemptsByFaultClass recorded attempts by fault class
 * @param inFlight             calls in flight now (live concurrency leases in Redis); {@code null} if Redis
 *                             cannot be read
 * @param callsLast10s         recorded attempts started in the last 10 seconds
 * @param callsLastMinute      recorded attempts started in the last minute
 * @param answerRate           answered attempts / recorded attempts (0 without attempts)
 * @param pacing               the pacing in force: the workflow's while it runs, else the stored one
 * @param progress             the campaign workflow's progress while it runs, else {@code null}
 * @param at                   the server time of these figures
 */
@Schema(description = "A campaign's live figures at one moment")
public record CampaignStats(long campaignId, String status, Map<String, Long> tasksByStatus, long attempts,
                            Map<String, Long> attemptsByOutcome, Map<String, Long> attemptsByFaultClass,
                            Long inFlight, long callsLast10s, long callsLastMinute, double answerRate,
                            Pacing pacing, CampaignProgress progress, Instant at) {

    /** Whether the campaign has ended (completed or cancelled): a stream sends its last event. */
    public boolean ended() {
        return status.equals("COMPLETED") || status.equals("CANCELLED");
    }
}
