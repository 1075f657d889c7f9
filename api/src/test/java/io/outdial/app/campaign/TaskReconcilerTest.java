package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.DevModeTest;
import io.outdial.app.security.Caller;
import io.outdial.app.task.TaskUploadRequest;
import io.outdial.app.task.TaskUploadService;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DevModeTest
class TaskReconcilerTest {

    /** No worker polls it: a workflow started there stays open until terminated, and never dials. */
    private static final String IDLE_QUEUE = "reconciler-test-idle";

    @Autowired
    CampaignService service;

    @Autowired
    TaskUploadService tasks;

    @Autowired
    TaskReconciler reconciler;

    @Autowired
    QueueRecovery recovery;

    @Autowired
    TaskQueue taskQueue;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflows;

    private long campaignId;
    private List<Long> taskIds;

    @BeforeEach
    void aRunningCampaignWithoutItsWorkflow() {
        campaignId = service.create(Caller.platformAdmin("test"), new CreateCampaignRequest("reconcile", 1, 1, null, null, null));
        taskIds = tasks.uploadJson(Caller.platformAdmin("test"), campaignId, new TaskUploadRequest(List.of(
                new TaskUploadRequest.TaskInput("5550300001", null),
                new TaskUploadRequest.TaskInput("5550300002", null),
                new TaskUploadRequest.TaskInput("5550300003", null)), false), false).taskIds();
        // RUNNING without a workflow, so nothing leases from its queue during the test
        jdbc.sql("update campaigns set status = 'RUNNING' where id = ?").param(campaignId).update();
    }

    @AfterEach
    void endIt() {
        jdbc.sql("update campaigns set status = 'CANCELLED' where id = ?").param(campaignId).update();
    }

    @Test
    void refillsTheLostQueueOfARunningCampaignAtStartUp() throws Exception {
        jdbc.sql("update call_tasks set status = 'DONE' where id = ?").param(taskIds.get(0)).update();
        taskQueue.clear(campaignId);

        recovery.run(null);

        assertThat(taskQueue.lease(campaignId, 10)).containsExactly(taskIds.get(1), taskIds.get(2));
    }

    @Test
    void queuesAgainOnlyTheQueuedTasksMissingFromTheQueue() {
        // a round was killed after leasing the first id and before marking it DIALING
        assertThat(taskQueue.lease(campaignId, 1)).containsExactly(taskIds.get(0));

        TaskReconciler.Report report = reconciler.reconcile();

        assertThat(report.queuedAgain()).isEqualTo(1);
        assertThat(taskQueue.ids(campaignId)).containsExactlyInAnyOrderElementsOf(taskIds);
    }

    @Test
    void aTaskLongDialingWithoutACallWorkflowIsQueuedAgainWithItsAttemptNumber() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        // a round was killed after marking it DIALING and before starting its call workflow
        markDialingMinutesAgo(task, 5);

        reconciler.reconcile();

        assertThat(status(task)).isEqualTo("QUEUED 0");
        assertThat(taskQueue.lease(campaignId, 1)).containsExactly(task);
    }

    @Test
    void aTaskDialingOnlyForAMomentIsLeftToItsRound() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        markDialingMinutesAgo(task, 0);

        reconciler.reconcile();

        assertThat(status(task)).isEqualTo("DIALING 1");
    }

    @Test
    void aTaskWhoseCallWorkflowStillRunsIsLeftAlone() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        markDialingMinutesAgo(task, 5);
        WorkflowStub call = openCallWorkflow(task);
        try {
            reconciler.reconcile();

            assertThat(status(task)).isEqualTo("DIALING 1");
            assertThat(taskQueue.ids(campaignId)).doesNotContain(task);
        } finally {
            call.terminate("test over");
        }
    }

    @Test
    void aTaskWhoseCallWorkflowEndedUnrecordedIsDoneIndeterminateAndNeverDialedAgain() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        markDialingMinutesAgo(task, 5);
        openCallWorkflow(task).terminate("the call workflow failed before recording its outcome");

        TaskReconciler.Report report = reconciler.reconcile();

        assertThat(report.closed()).isEqualTo(1);
        assertThat(status(task)).isEqualTo("DONE 1");
        assertThat(jdbc.sql("select outcome || ' ' || fault_class from call_tasks where id = ?").param(task)
                .query(String.class).single()).isEqualTo("INDETERMINATE INDETERMINATE");
        assertThat(taskQueue.ids(campaignId)).doesNotContain(task);
    }

    @Test
    void aTaskWaitingForItsReattemptGoesBackToTheDelayedSetNotTheQueue() {
        long task = taskIds.get(0);
        jdbc.sql("update call_tasks set not_before = now() + interval '10 minutes', attempts = 1 where id = ?")
                .param(task).update();
        taskQueue.clear(campaignId);

        TaskReconciler.Report report = reconciler.reconcile();

        assertThat(report.queuedAgain()).isEqualTo(3);
        assertThat(taskQueue.ids(campaignId)).containsExactly(taskIds.get(1), taskIds.get(2));
        assertThat(taskQueue.delayedIds(campaignId)).containsExactly(task);
        assertThat(reconciler.reconcile().queuedAgain()).as("nothing missing any more").isZero();
    }

    @Test
    void aReattemptIsJudgedByItsOwnCallWorkflowNotTheFirstOne() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        markDialingMinutesAgo(task, 5);
        jdbc.sql("update call_tasks set business_attempts = 2 where id = ?").param(task).update();
        openCallWorkflow(task).terminate("the first call ended long ago");
        WorkflowStub second = openCallWorkflow(WorkflowIds.call(campaignId, task, 2));
        try {
            TaskReconciler.Report report = reconciler.reconcile();

            assertThat(report.closed()).isZero();
            assertThat(report.requeued()).isZero();
            assertThat(status(task)).isEqualTo("DIALING 1");
        } finally {
            second.terminate("test over");
        }
    }

    @Test
    void aReattemptWhoseCallWorkflowWasNeverStartedIsQueuedAgainAsTheSameCall() {
        long task = taskIds.get(0);
        taskQueue.lease(campaignId, 1);
        markDialingMinutesAgo(task, 5);
        jdbc.sql("update call_tasks set business_attempts = 2 where id = ?").param(task).update();
        openCallWorkflow(task).terminate("the first call ended long ago");

        TaskReconciler.Report report = reconciler.reconcile();

        assertThat(report.requeued()).isEqualTo(1);
        assertThat(jdbc.sql("select status || ' ' || business_attempts from call_tasks where id = ?").param(task)
                .query(String.class).single()).isEqualTo("QUEUED 1");
    }

    private void markDialingMinutesAgo(long task, int minutes) {
        jdbc.sql("""
                        update call_tasks set status = 'DIALING', attempts = attempts + 1, version = version + 1,
                               updated_at = now() - make_interval(mins => ?)
                        where id = ?""")
                .params(minutes, task).update();
    }

    private String status(long task) {
        return jdbc.sql("select status || ' ' || attempts from call_tasks where id = ?").param(task)
                .query(String.class).single();
    }

    private WorkflowStub openCallWorkflow(long task) {
        return openCallWorkflow(WorkflowIds.call(campaignId, task));
    }

    private WorkflowStub openCallWorkflow(String workflowId) {
        WorkflowStub stub = workflows.newUntypedWorkflowStub("Call", WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(IDLE_QUEUE)
                .build());
        stub.start();
        return stub;
    }
}
