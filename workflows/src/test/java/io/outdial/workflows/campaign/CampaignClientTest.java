package io.outdial.workflows.campaign;

import static io.outdial.workflows.campaign.CampaignBench.CAMPAIGN_ID;
import static io.outdial.workflows.campaign.CampaignBench.PACING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.outdial.workflows.client.CampaignAlreadyStartedException;
import io.outdial.workflows.client.CampaignClient;
import io.outdial.workflows.client.CampaignNotRunningException;
import io.outdial.workflows.client.CampaignRequestRejectedException;
import io.outdial.workflows.common.WorkflowIds;
import io.outdial.workflows.testing.TemporalTesting;
import io.outdial.workflows.common.TaskQueues;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The {@link CampaignClient} facade against the real campaign workflow, its activities faked. */
class CampaignClientTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private TestWorkflowEnvironment env;

    @BeforeEach
    void keepEnvironment(TestWorkflowEnvironment env) {
        this.env = env;
    }

    private static List<NewTask> tasks(String... numbers) {
        return IntStream.range(0, numbers.length).mapToObj(i -> new NewTask(numbers[i], "ext-" + i, null)).toList();
    }

    @Nested
    class Start {

        @Test
        void startsTheCampaignWorkflowByItsIdAndNeverTwice() {
            FakeCampaignActivities activities = new FakeCampaignActivities(3);
            CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(env.getWorkflowClient());

            String workflowId = client.start(CAMPAIGN_ID, PACING, true);

            assertThat(workflowId).isEqualTo("campaign-7");
            assertThatThrownBy(() -> client.start(CAMPAIGN_ID, PACING, true))
                    .isInstanceOf(CampaignAlreadyStartedException.class)
                    .hasMessage("campaign 7 was already started");
            CampaignResult result = WorkflowStub.fromTyped(env.getWorkflowClient()
                    .newWorkflowStub(CampaignWorkflow.class, workflowId)).getResult(CampaignResult.class);
            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 3));
            assertThatThrownBy(() -> client.start(CAMPAIGN_ID, PACING, true))
                    .as("an ended campaign is not started again")
                    .isInstanceOf(CampaignAlreadyStartedException.class);
        }

        @Test
        void aCampaignThatDoesNotExistEndsTheWorkflowAtOnceWithItsFailureType() {
            FakeCampaignActivities activities = new FakeCampaignActivities(3);
            activities.campaignMissing(CampaignFailures.CAMPAIGN_NOT_FOUND);
            CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(env.getWorkflowClient());

            String workflowId = client.start(CAMPAIGN_ID, PACING, false);
            WorkflowStub stub = env.getWorkflowClient().newUntypedWorkflowStub(workflowId);

            assertThatThrownBy(() -> stub.getResult(CampaignResult.class))
                    .isInstanceOf(WorkflowFailedException.class)
                    .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                        assertThat(failure.getType()).isEqualTo("CampaignNotFound");
                        assertThat(failure.isNonRetryable()).isTrue();
                    });
            assertThat(activities.rounds).as("nothing was dialed").isEmpty();
        }

        @Test
        void aPacingOutOfRangeEndsTheWorkflowAtOnceSayingWhy() {
            FakeCampaignActivities activities = new FakeCampaignActivities(3);
            CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(env.getWorkflowClient());

            String workflowId = client.start(CAMPAIGN_ID, new Pacing(0, 10), false);

            assertThatThrownBy(() -> env.getWorkflowClient().newUntypedWorkflowStub(workflowId)
                    .getResult(CampaignResult.class))
                    .cause().isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                        assertThat(failure.getType()).isEqualTo("InvalidCampaignInput");
                        assertThat(failure.getOriginalMessage())
                                .isEqualTo("pacing.caps must be between 1 and 10000, was 0");
                    });
            assertThat(activities.statuses).as("nothing was recorded").isEmpty();
        }

        @Test
        void stepsOnACampaignThatWasNeverStartedSayItIsNotRunning() {
            CampaignBench.of(env, new FakeCampaignActivities(0));
            CampaignClient client = new CampaignClient(env.getWorkflowClient());

            assertThatThrownBy(() -> client.pause(41, "x")).isInstanceOf(CampaignNotRunningException.class)
                    .hasMessage("campaign 41 is not running");
            assertThatThrownBy(() -> client.progress(41)).isInstanceOf(CampaignNotRunningException.class);
            assertThatThrownBy(() -> client.addTasks(41, tasks("+15550100001"), false))
                    .isInstanceOf(CampaignNotRunningException.class);
        }
    }

    @Nested
    class AddTasks {

        @Test
        void addedTasksWakeAnIdleCampaignAndBadOnesAreRejectedByIndex() {
            FakeCampaignActivities activities = new FakeCampaignActivities(0);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(bench.client);
            client.start(CAMPAIGN_ID, new Pacing(10, 50), false);
            bench.skip(Duration.ofSeconds(30));
            int idleRounds = activities.rounds.size();

            TasksAdded added = client.addTasks(CAMPAIGN_ID, tasks("+15550100001", "bad", "+15550100003"), false);
            long addedAt = env.currentTimeMillis();
            bench.skip(Duration.ofMillis(1500));

            assertThat(added.added()).isEqualTo(2);
            assertThat(added.rejected()).containsExactly(
                    new TasksAdded.RejectedTask(1, "phoneNumber is not a phone number"));
            assertThat(idleRounds).as("an idle campaign runs a round every few seconds only").isLessThan(10);
            assertThat(activities.rounds).filteredOn(round -> round.scheduledAtMs() >= addedAt)
                    .as("a round runs within a second of the tasks' arrival")
                    .anySatisfy(round -> assertThat(round.scheduledAtMs()).isLessThan(addedAt + 1500));
            assertThat(activities.released()).isEqualTo(2);
        }

        @Test
        void aRetriedBatchIsStoredOnceUnderTheKeyOfItsUpdate() {
            FakeCampaignActivities activities = new FakeCampaignActivities(0);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(bench.client);
            client.start(CAMPAIGN_ID, new Pacing(10, 50), false);

            client.addTasks(CAMPAIGN_ID, "order-batch-1", tasks("+15550100001", "+15550100002"), false);
            client.addTasks(CAMPAIGN_ID, "order-batch-1", tasks("+15550100001", "+15550100002"), false);
            client.closeInput(CAMPAIGN_ID);

            assertThat(activities.batchKeys).as("the activity failed once after storing, and was retried")
                    .startsWith("update-order-batch-1", "update-order-batch-1");
            CampaignResult result = bench.client.newUntypedWorkflowStub(WorkflowIds.campaign(CAMPAIGN_ID))
                    .getResult(CampaignResult.class);
            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 2));
        }

        @Test
        void theLastBatchClosesTheInputSoTheCampaignCompletesWhenDrained() {
            FakeCampaignActivities activities = new FakeCampaignActivities(0);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(bench.client);
            client.start(CAMPAIGN_ID, new Pacing(1, 50), false);

            client.addTasks(CAMPAIGN_ID, tasks("+15550100001", "+15550100002"), false);
            client.addTasks(CAMPAIGN_ID, tasks("+15550100003"), true);

            assertThat(client.progress(CAMPAIGN_ID).inputClosed()).isTrue();
            CampaignResult result = bench.client.newUntypedWorkflowStub(WorkflowIds.campaign(CAMPAIGN_ID))
                    .getResult(CampaignResult.class);
            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 3));
            TemporalTesting.recordHistory(bench.client, CampaignBench.WORKFLOW_ID, "campaign-tasks-added-completed");
        }

        /**
         * A client that starts a campaign and adds tasks at once may have its update reach the workflow in its
         * first task, before the workflow method has read its input: the update waits for it, never refused.
         */
        @Test
        void aBatchSentWithTheStartIsStoredOnceTheWorkflowHasReadItsInput() {
            FakeCampaignActivities activities = new FakeCampaignActivities(0);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignWorkflow workflow = bench.client.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
                    .setWorkflowId(CampaignBench.WORKFLOW_ID)
                    .setTaskQueue(TaskQueues.CAMPAIGNS)
                    .setWorkflowIdConflictPolicy(WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_FAIL)
                    .build());

            TasksAdded added = WorkflowClient.executeUpdateWithStart(workflow::addTasks,
                    new TaskBatch(tasks("+15550100001", "+15550100002"), true),
                    UpdateOptions.<TasksAdded>newBuilder().setWaitForStage(WorkflowUpdateStage.COMPLETED).build(),
                    new WithStartWorkflowOperation<>(workflow::run, CampaignInput.start(CAMPAIGN_ID, PACING, false)));

            assertThat(added.added()).isEqualTo(2);
            CampaignResult result = bench.client.newUntypedWorkflowStub(CampaignBench.WORKFLOW_ID)
                    .getResult(CampaignResult.class);
            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 2));
        }

        @Test
        void theValidatorRefusesEmptyOversizedAndLateBatchesBeforeAnythingIsStored() {
            FakeCampaignActivities activities = new FakeCampaignActivities(5);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(bench.client);
            client.start(CAMPAIGN_ID, PACING, false);

            assertThatThrownBy(() -> client.addTasks(CAMPAIGN_ID, List.of(), false))
                    .isInstanceOf(CampaignRequestRejectedException.class)
                    .hasMessage("a batch needs at least one task (or last = true to close the input)");
            assertThatThrownBy(() -> client.addTasks(CAMPAIGN_ID,
                    Collections.nCopies(1001, new NewTask("+15550100001", null, null)), false))
                    .isInstanceOf(CampaignRequestRejectedException.class)
                    .hasMessage("a batch holds at most 1000 tasks, this one 1001: split it");
            client.closeInput(CAMPAIGN_ID);
            assertThatThrownBy(() -> client.addTasks(CAMPAIGN_ID, tasks("+15550100001"), false))
                    .isInstanceOf(CampaignRequestRejectedException.class)
                    .hasMessage("campaign 7 takes no more tasks: its input is closed");
            assertThat(activities.batchKeys).as("only closing the input reached the activity").hasSize(2);
        }
    }

    @Nested
    class Steering {

        @Test
        void pauseResumeAndPacingGoThroughTheWorkflow() {
            FakeCampaignActivities activities = new FakeCampaignActivities(100);
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignClient client = new CampaignClient(bench.client);
            client.start(CAMPAIGN_ID, PACING, false);

            client.pause(CAMPAIGN_ID, "carrier maintenance");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> client.progress(CAMPAIGN_ID).status() == CampaignStatus.PAUSED);
            client.resume(CAMPAIGN_ID, "carrier is back");
            Pacing pacing = client.changePacing(CAMPAIGN_ID, 5, null);

            assertThat(pacing).isEqualTo(new Pacing(5, PACING.maxConcurrency()));
            assertThat(client.progress(CAMPAIGN_ID).status()).isEqualTo(CampaignStatus.RUNNING);
            assertThat(client.progress(CAMPAIGN_ID).pacing()).isEqualTo(pacing);
            assertThatThrownBy(() -> client.changePacing(CAMPAIGN_ID, 0, null))
                    .isInstanceOfSatisfying(CampaignRequestRejectedException.class, e ->
                            assertThat(e.failureType()).isEqualTo("java.lang.IllegalArgumentException"))
                    .hasMessage("caps must be between 1 and 10000, was 0");

            client.cancel(CAMPAIGN_ID, "withdrawn");

            CampaignResult result = bench.client.newUntypedWorkflowStub(WorkflowIds.campaign(CAMPAIGN_ID))
                    .getResult(CampaignResult.class);
            assertThat(result.status()).isEqualTo(CampaignStatus.CANCELLED);
            assertThatThrownBy(() -> client.pause(CAMPAIGN_ID, "late"))
                    .isInstanceOf(CampaignNotRunningException.class);
        }
    }
}
