package io.outdial.workflows.campaign;

import io.outdial.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** The activity stubs a campaign workflow uses, one per kind of side effect. Call from workflow code only. */
final class CampaignActivityOptions {

    /** A round is for one second only: never retried into the next one. */
    static final ActivityOptions ROUND = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CAMPAIGNS)
            .setScheduleToCloseTimeout(Duration.ofSeconds(3))
            .setStartToCloseTimeout(Duration.ofSeconds(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
            .build();

    /** A status record that still fails is tried again on the loop's next pass. */
    static final ActivityOptions STATUS_RECORD = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CAMPAIGNS)
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setMaximumAttempts(5)
                    .setMaximumInterval(Duration.ofSeconds(10))
                    .build())
            .build();

    /** The end of a campaign must be recorded: retried until it is. */
    static final ActivityOptions FINISH = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CAMPAIGNS)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofMinutes(1)).build())
            .build();

    /**
     * A batch of tasks is stored at most once per batch key, so it is retried while the caller waits for
     * the update, but not for ever.
     */
    static final ActivityOptions TASK_BATCH = ActivityOptions.newBuilder()
            .setTaskQueue(TaskQueues.CAMPAIGNS)
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(2))
            .setRetryOptions(RetryOptions.newBuilder().setMaximumInterval(Duration.ofSeconds(10)).build())
            .build();

    private CampaignActivityOptions() {
    }

    static CampaignActivities rounds() {
        return Workflow.newActivityStub(CampaignActivities.class, ROUND);
    }

    static CampaignActivities statusRecords() {
        return Workflow.newActivityStub(CampaignActivities.class, STATUS_RECORD);
    }

    static CampaignActivities finisher() {
        return Workflow.newActivityStub(CampaignActivities.class, FINISH);
    }

    static CampaignActivities taskBatches() {
        return Workflow.newActivityStub(CampaignActivities.class, TASK_BATCH);
    }
}
