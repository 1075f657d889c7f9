package io.outdial.workflows.campaign;

import static io.outdial.workflows.campaign.CampaignBench.CAMPAIGN_ID;
import static io.outdial.workflows.campaign.CampaignBench.PACING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.outdial.workflows.testing.TemporalTesting;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignControlTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private TestWorkflowEnvironment env;

    @BeforeEach
    void keepEnvironment(TestWorkflowEnvironment env) {
        this.env = env;
    }

    @Nested
    class PauseAndResume {

        @Test
        void pauseStopsRoundsAndResumeRestartsThem() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(6));
            CampaignWorkflow campaign = bench.start(true);
            bench.skip(Duration.ofMillis(2500));

            campaign.pause(new PauseRequest("carrier maintenance"));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorded(bench, CampaignStatus.PAUSED));
            int roundsBeforePause = bench.activities.rounds.size();
            bench.skip(Duration.ofSeconds(30));

            assertThat(bench.activities.rounds).hasSize(roundsBeforePause);
            assertThat(campaign.progress().status()).isEqualTo(CampaignStatus.PAUSED);

            campaign.resume(new ResumeRequest("carrier is back"));

            assertThat(bench.result()).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 6));
            assertThat(bench.activities.rounds).hasSizeGreaterThan(roundsBeforePause);
            assertThat(bench.activities.statuses).extracting(StatusChange::status)
                    .containsExactly(CampaignStatus.RUNNING, CampaignStatus.PAUSED, CampaignStatus.RUNNING);
            TemporalTesting.recordHistory(bench.client, CampaignBench.WORKFLOW_ID, "campaign-paused-resumed-completed");
        }
    }

    @Nested
    class Cancel {

        @Test
        void cancelEndsTheCampaignAndCancelsQueuedTasks() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(100));
            CampaignWorkflow campaign = bench.start(false);
            bench.skip(Duration.ofMillis(2500));

            campaign.cancel(new CancelRequest("campaign withdrawn"));

            CampaignResult result = bench.result();
            assertThat(result.status()).isEqualTo(CampaignStatus.CANCELLED);
            assertThat(result.released()).isEqualTo(bench.activities.released()).isLessThan(100);
            assertThat(bench.activities.finishes)
                    .containsExactly(new FinishRequest(CAMPAIGN_ID, CampaignStatus.CANCELLED));
        }

        @Test
        void cancelWhilePausedEndsTheCampaign() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(100));
            CampaignWorkflow campaign = bench.start(false);
            campaign.pause(new PauseRequest("hold"));
            await().atMost(Duration.ofSeconds(10)).until(() -> recorded(bench, CampaignStatus.PAUSED));

            campaign.cancel(new CancelRequest("campaign withdrawn"));

            assertThat(bench.result().status()).isEqualTo(CampaignStatus.CANCELLED);
            assertThat(bench.activities.finishes)
                    .containsExactly(new FinishRequest(CAMPAIGN_ID, CampaignStatus.CANCELLED));
        }
    }

    @Nested
    class ChangePacing {

        @Test
        void newPacingAppliesFromTheNextRound() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(100));
            CampaignWorkflow campaign = bench.start(false);
            bench.skip(Duration.ofMillis(2500));

            Pacing now = campaign.changePacing(new PacingChange(4, null));
            int roundsBefore = bench.activities.rounds.size();
            bench.skip(Duration.ofSeconds(3));

            assertThat(now).isEqualTo(new Pacing(4, PACING.maxConcurrency()));
            List<Integer> caps = bench.activities.caps();
            assertThat(caps.subList(0, roundsBefore - 1)).containsOnly(1);
            assertThat(caps.subList(roundsBefore + 1, caps.size())).isNotEmpty().containsOnly(4);
            assertThat(campaign.progress().pacing()).isEqualTo(now);
            await().atMost(Duration.ofSeconds(10)).until(() -> bench.activities.statuses
                    .contains(new StatusChange(CAMPAIGN_ID, CampaignStatus.RUNNING, now)));

            campaign.cancel(new CancelRequest("enough"));
            assertThat(bench.result().status()).isEqualTo(CampaignStatus.CANCELLED);
            TemporalTesting.recordHistory(bench.client, CampaignBench.WORKFLOW_ID, "campaign-pacing-changed-cancelled");
        }

        @Test
        void outOfRangeChangesAreRejectedAndLeaveTheCampaignAlone() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(100));
            CampaignWorkflow campaign = bench.start(false);

            for (PacingChange bad : List.of(new PacingChange(0, null), new PacingChange(null, 0),
                    new PacingChange(-3, 10), new PacingChange(PacingChange.MAX_CAPS + 1, null),
                    new PacingChange(null, PacingChange.MAX_CONCURRENCY + 1), new PacingChange(null, null))) {
                assertThatThrownBy(() -> campaign.changePacing(bad)).as("%s", bad)
                        .isInstanceOf(WorkflowUpdateException.class)
                        .rootCause().hasMessageMatching(".*(must be between 1 and|needs caps or maxConcurrency).*");
            }

            CampaignProgress progress = campaign.progress();
            assertThat(progress.pacing()).isEqualTo(PACING);
            assertThat(progress.status()).isEqualTo(CampaignStatus.RUNNING);
            assertThat(campaign.changePacing(new PacingChange(PacingChange.MAX_CAPS, PacingChange.MAX_CONCURRENCY)))
                    .isEqualTo(new Pacing(PacingChange.MAX_CAPS, PacingChange.MAX_CONCURRENCY));
        }

        @Test
        void changeAfterCancelIsRejected() {
            FakeCampaignActivities activities = new FakeCampaignActivities(100);
            activities.holdFinish();
            CampaignBench bench = CampaignBench.of(env, activities);
            CampaignWorkflow campaign = bench.start(false);

            campaign.cancel(new CancelRequest("campaign withdrawn"));
            await().atMost(Duration.ofSeconds(10)).until(() -> !activities.finishes.isEmpty());

            assertThatThrownBy(() -> campaign.changePacing(new PacingChange(5, null)))
                    .isInstanceOf(WorkflowUpdateException.class)
                    .rootCause().hasMessageContaining("CANCELLED");
            activities.openFinish();
            assertThat(bench.result().status()).isEqualTo(CampaignStatus.CANCELLED);
        }
    }

    private static boolean recorded(CampaignBench bench, CampaignStatus status) {
        List<StatusChange> statuses = bench.activities.statuses;
        return !statuses.isEmpty() && statuses.get(statuses.size() - 1).status() == status;
    }
}
