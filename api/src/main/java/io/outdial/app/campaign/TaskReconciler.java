package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.tasks.TaskRepository.QueuedTask;
import io.outdial.app.campaign.CallWorkflowState.State;
import io.outdial.app.campaign.CampaignRepository.DialingTask;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Brings every running or paused campaign's Redis queue and task states back in line with PostgreSQL
 * and Temporal after a crash, so that no task is left without a final state:
 * <ul>
 *   <li>a QUEUED task missing from the Redis queue and delayed set (Redis lost its data, or a round was
 *       killed between leasing ids and marking them) is queued again, or put back in the delayed set when
 *       its business re-attempt is not due yet;</li>
 *   <li>a task DIALING for longer than the grace without a call workflow (a round was killed between
 *       marking it and starting the workflow) goes back to QUEUED and into the queue: without a call
 *       workflow nothing dialed it, and its attempt number is the same again;</li>
 *   <li>a task DIALING whose call workflow has ended without recording an outcome is DONE, INDETERMINATE:
 *       it is never dialed again.</li>
 * </ul>
 * The call workflow of a DIALING task is its latest one (the task's business attempt names it).
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
    private final Clock clock;

    TaskReconciler(CampaignRepository campaigns, TaskRepository tasks, TaskQueue queue,
                   CallWorkflowState callWorkflows, ReconcileProperties properties, Clock clock) {
        this.clock = clock;
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
            State state = callWorkflows.of(campaignId, task.id(), task.businessAttempt());
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

    /**
     * Appends the due QUEUED tasks that Redis lacks to the queue and puts those not due yet in the delayed
     * set; cheap when nothing lacks (three counts).
     */
    private int queueMissing(long campaignId) {
        if (queue.size(campaignId) + queue.delayedSize(campaignId) >= campaigns.queuedTaskCount(campaignId)) {
            return 0;
        }
        Set<Long> inRedis = new HashSet<>(queue.ids(campaignId));
        inRedis.addAll(queue.delayedIds(campaignId));
        long now = clock.millis();
        List<QueuedTask> missing = tasks.queued(campaignId).stream().filter(t -> !inRedis.contains(t.id())).toList();
        queue.enqueue(campaignId, missing.stream().filter(t -> t.due(now)).map(QueuedTask::id).toList());
        queue.delayAll(campaignId, missing.stream().filter(t -> !t.due(now))
                .collect(Collectors.toMap(QueuedTask::id, QueuedTask::notBeforeMs)));
        return missing.size();
    }
}
