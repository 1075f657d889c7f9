package io.outdial.activities.call;

import io.outdial.activities.campaign.CampaignPlan;
import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.workflows.call.FailoverRoute;
import io.outdial.workflows.call.FailoverRouteRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Picks another route for a failed call among its campaign's enabled, not evicted FS nodes and lines
 * (as {@link CampaignRepository#find} gives them), leaving out the excluded ones. It keeps whatever of
 * the failed route was not at fault (the node after a line fault, the line after a switch fault) and
 * spreads the tasks of a campaign over the rest, starting each at a place given by its task id.
 * Reserves nothing.
 */
public class FailoverRoutes {

    private final CampaignRepository campaigns;
    private final Clock clock;

    public FailoverRoutes(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Another route, or {@link FailoverRoute#none()} if the pool has none left for this call. */
    public FailoverRoute pick(FailoverRouteRequest request) {
        Optional<CampaignPlan> plan = campaigns.find(request.campaignId(), clock.instant());
        if (plan.isEmpty()) {
            return FailoverRoute.none();
        }
        List<CampaignPlan.FsNode> nodes = rotated(plan.get().fsNodes().stream()
                .filter(node -> !request.excludedFsNodeIds().contains(node.id())).toList(), request.taskId());
        List<CampaignPlan.Line> lines = rotated(plan.get().lines().stream()
                .filter(line -> !request.excludedLineIds().contains(line.id())).toList(), request.taskId());
        FailoverRoute best = FailoverRoute.none();
        int bestKept = -1;
        for (CampaignPlan.Line line : lines) {
            for (CampaignPlan.FsNode node : nodes) {
                boolean sameNode = node.id().equals(request.lastFsNodeId());
                boolean sameLine = line.id().equals(request.lastLineId());
                if (!line.reachableOn(node.id()) || sameNode && sameLine) {
                    continue;
                }
                int kept = (sameNode ? 1 : 0) + (sameLine ? 1 : 0);
                if (kept > bestKept) {
                    best = FailoverRoute.of(node.id(), line.id(), line.gateway());
                    bestKept = kept;
                }
            }
        }
        return best;
    }

    private static <T> List<T> rotated(List<T> items, long taskId) {
        if (items.isEmpty()) {
            return items;
        }
        int start = (int) Math.floorMod(taskId, (long) items.size());
        List<T> rotated = new ArrayList<>(items.subList(start, items.size()));
        rotated.addAll(items.subList(0, start));
        return rotated;
    }
}
