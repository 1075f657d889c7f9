package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.app.campaign.CallWorkflowState.State;
import io.outdial.app.campaign.CampaignRepository.DialingTask;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings every running or paused campaign's Redis queue and task states back in line with PostgreSQL
 * and Temporal after a crash, so that no task is left without a final state:
 * <ul>
 *   <li>a QUEUED task missing from the Redis queue (Redis lost its data, or a round was killed between
 *       leasing ids and marking them) is queued again;</li>
 *   <li>a task DIALING for longer than the grace without a call workflow (a round was killed between
 *       marking it and starting the workflow) goes back to QUEUED and into the queue: without a call
 *       workflow nothing dialed it, and its attempt number is the same again;</li>
 *   <li>a task DIALING whose call workflow has ended without recording an outcome is DONE, INDETERMINATE:
 *       it is never dialed again.</li>
 * </ul>
 * Every change is guarded (status and version), and queuing an id twice is harmless (a round drops an id
 * that is no longer QUEUED), so nodes may run it concurrently with each other and with rounds.
 */
@Component
class TaskReconciler {

    private static final Logger log = LoggerFactory.getLogger(TaskReconciler.class);

    private final CampaignRepository campaigns;
    private final TaskRepository tasks;
    private final TaskQueue queue;
    private final CallWorkflowState callWorkflows;
    private final ReconcileProperties properties;

    TaskReconciler(CampaignRepository campaigns, TaskRepository tasks, TaskQueue queue,
                   CallWorkflowState callWorkflows, ReconcileProperties properties) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.queue = queue;
        this.callWorkflows = callWorkflows;
        this.properties = properties;
    }

    /** What one pass changed. */
    record Report(int queuedAgain, int requeued, int closed) {
    }

    /** One pass over every running or paused campaign. */
    Report reconcile() {
        int queuedAgain = 0;
        int requeued = 0;
        int closed = 0;
        for (long campaignId : campaigns.activeCampaignIds()) {
            Report r = reconcile(campaignId);
            queuedAgain += r.queuedAgain();
            requeued += r.requeued();
            closed += r.closed();
        }
        return new Report(queuedAgain, requeued, closed);
    }

    private Report reconcile(long campaignId) {
        int queuedAgain = queueMissing(campaignId);
        List<Long> requeued = new ArrayList<>();
        int closed = 0;
        for (DialingTask task : campaigns.staleDialingTasks(campaignId, properties.dialingGrace())) {
            State state = callWorkflows.of(campaignId, task.id());
            if (state == State.NOT_FOUND && tasks.revertToQueued(task.id(), task.version())) {
                requeued.add(task.id());
            } else if (state == State.CLOSED && campaigns.closeUnrecorded(task.id(), task.version())) {
                closed++;
            }
        }
        queue.pushBack(campaignId, requeued);
        if (queuedAgain + requeued.size() + closed > 0) {
            log.warn("Campaign {}: {} queued tasks were missing from its Redis queue, {} dialing tasks had no call "
                    + "workflow (queued again), {} had a call workflow that ended unrecorded (INDETERMINATE)",
                    campaignId, queuedAgain, requeued.size(), closed);
        }
        return new Report(queuedAgain, requeued.size(), closed);
    }

    /** Appends the QUEUED tasks the Redis queue lacks; cheap when nothing lacks (two counts). */
    private int queueMissing(long campaignId) {
        if (queue.size(campaignId) >= campaigns.queuedTaskCount(campaignId)) {
            return 0;
        }
        Set<Long> inQueue = new HashSet<>(queue.ids(campaignId));
        List<Long> missing = campaigns.queuedTaskIds(campaignId).stream().filter(id -> !inQueue.contains(id)).toList();
        queue.enqueue(campaignId, missing);
        return missing.size();
    }
}
