package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Refills the Redis queue of every running or paused campaign whose queue is empty while PostgreSQL
 * still has QUEUED tasks for it, e.g. after Redis lost its data or a dev restart with a fresh Redis.
 * Runs before the Temporal workers start (they start on ApplicationReadyEvent), so no campaign sees an
 * empty queue and completes early. Re-queuing an id a round holds is harmless: the round's optimistic
 * lock drops a task that is no longer QUEUED.
 */
@Component
class QueueRecovery implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(QueueRecovery.class);

    private final CampaignRepository campaigns;
    private final TaskQueue taskQueue;

    QueueRecovery(CampaignRepository campaigns, TaskQueue taskQueue) {
        this.campaigns = campaigns;
        this.taskQueue = taskQueue;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (long campaignId : campaigns.activeCampaignIds()) {
            if (taskQueue.size(campaignId) > 0) {
                continue;
            }
            List<Long> queued = campaigns.queuedTaskIds(campaignId);
            if (!queued.isEmpty()) {
                taskQueue.rebuild(campaignId, queued);
                log.warn("Campaign {}: its Redis queue was empty; refilled it with {} queued tasks from PostgreSQL",
                        campaignId, queued.size());
            }
        }
    }
}
