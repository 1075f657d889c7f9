package io.outdial.app.stats;

import io.outdial.app.security.Caller;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.CampaignWorkflow;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** A campaign's live figures: counts from PostgreSQL, calls in flight from Redis, progress from its workflow. */
@Service
public class CampaignStatsService {

    private static final Logger log = LoggerFactory.getLogger(CampaignStatsService.class);

    private final StatsRepository stats;
    private final LiveLeases leases;
    private final WorkflowClient workflows;
    private final Clock clock;

    CampaignStatsService(StatsRepository stats, LiveLeases leases, WorkflowClient workflows, Clock clock) {
        this.stats = stats;
        this.leases = leases;
        this.workflows = workflows;
        this.clock = clock;
    }

    /** The campaign's figures now; 404 for an unknown campaign or one of another tenant. */
    public CampaignStats stats(Caller caller, long campaignId) {
        requireVisible(caller, campaignId);
        return snapshot(campaignId);
    }

    /** Throws a 404 unless the campaign exists and the caller's tenant owns it. */
    public void requireVisible(Caller caller, long campaignId) {
        StatsRepository.Campaign campaign = campaign(campaignId);
        caller.requireVisible(campaign.tenantId(), "Campaign " + campaignId);
    }

    /** The campaign's figures now, unscoped: callers check the tenant first. */
    CampaignStats snapshot(long campaignId) {
        StatsRepository.Campaign campaign = campaign(campaignId);
        Instant now = clock.instant();
        Map<String, Long> tasks = stats.tasksByStatus(campaignId);
        StatsRepository.Attempts attempts = stats.attempts(campaignId, now);
        CampaignProgress progress = campaign.active() ? progress(campaignId) : null;
        Pacing pacing = progress != null ? progress.pacing() : new Pacing(campaign.caps(), campaign.maxConcurrency());
        return new CampaignStats(campaignId, campaign.status(), tasks, attempts.total(),
                stats.attemptsByOutcome(campaignId), stats.attemptsByFaultClass(campaignId),
                inFlight(campaign, now), attempts.last10s(), attempts.lastMinute(),
                attempts.total() == 0 ? 0 : (double) attempts.answered() / attempts.total(), pacing, progress, now);
    }

    private StatsRepository.Campaign campaign(long campaignId) {
        return stats.campaign(campaignId)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "Campaign " + campaignId + " not found"));
    }

    private Long inFlight(StatsRepository.Campaign campaign, Instant now) {
        try {
            return leases.campaign(campaign.poolId(), campaign.id(), now.toEpochMilli());
        } catch (RuntimeException e) {
            log.debug("No calls in flight for campaign {}: {}", campaign.id(), e.toString());
            return null;
        }
    }

    private CampaignProgress progress(long campaignId) {
        try {
            return workflows.newWorkflowStub(CampaignWorkflow.class, WorkflowIds.campaign(campaignId)).progress();
        } catch (RuntimeException e) {
            log.debug("No progress for campaign {}: {}", campaignId, e.toString());
            return null;
        }
    }
}
