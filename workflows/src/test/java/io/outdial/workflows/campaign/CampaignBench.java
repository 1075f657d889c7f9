package io.outdial.workflows.campaign;

import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.workflow.Functions;
import java.time.Duration;

/** One campaign workflow on a time-skipping test server, with its activities faked. */
final class CampaignBench {

    static final long CAMPAIGN_ID = 7;
    static final Pacing PACING = new Pacing(1, 50);
    static final String WORKFLOW_ID = WorkflowIds.campaign(CAMPAIGN_ID);

    final TestWorkflowEnvironment env;
    final WorkflowClient client;
    final FakeCampaignActivities activities;
    private CampaignWorkflow campaign;
    private WorkflowExecution firstRun;

    private CampaignBench(TestWorkflowEnvironment env, FakeCampaignActivities activities) {
        this.env = env;
        this.client = env.getWorkflowClient();
        this.activities = activities;
    }

    /** A started test server whose campaigns worker runs the real workflow. */
    static CampaignBench of(TestWorkflowEnvironment env, FakeCampaignActivities activities) {
        return of(env, activities, CampaignWorkflowImpl::new);
    }

    static CampaignBench of(TestWorkflowEnvironment env, FakeCampaignActivities activities,
                            Functions.Func<CampaignWorkflow> workflows) {
        Worker worker = env.newWorker(TaskQueues.CAMPAIGNS);
        worker.registerWorkflowImplementationFactory(CampaignWorkflow.class, workflows);
        worker.registerActivitiesImplementations(activities);
        env.start();
        return new CampaignBench(env, activities);
    }

    /** Starts the campaign and returns a stub bound to it, for signals, updates and queries. */
    CampaignWorkflow start(CampaignInput input) {
        campaign = client.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(WORKFLOW_ID)
                .setTaskQueue(TaskQueues.CAMPAIGNS)
                .build());
        firstRun = WorkflowClient.start(campaign::run, input);
        return campaign;
    }

    CampaignWorkflow start(boolean inputClosed) {
        return start(CampaignInput.start(CAMPAIGN_ID, PACING, inputClosed));
    }

    /** Lets the given time pass on the test server while the workflow runs. */
    void skip(Duration duration) {
        env.sleep(duration);
    }

    /** Waits for the end of the campaign (across continue-as-new), skipping time meanwhile. */
    CampaignResult result() {
        return WorkflowStub.fromTyped(campaign).getResult(CampaignResult.class);
    }

    CampaignProgress progress() {
        return campaign.progress();
    }

    WorkflowExecution firstRun() {
        return firstRun;
    }
}
