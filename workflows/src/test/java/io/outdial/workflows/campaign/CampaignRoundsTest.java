package io.outdial.workflows.campaign;

import static io.outdial.workflows.campaign.CampaignBench.CAMPAIGN_ID;
import static io.outdial.workflows.campaign.CampaignBench.PACING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.outdial.workflows.campaign.CampaignInput.CarriedState;
import io.outdial.workflows.campaign.FakeCampaignActivities.Round;
import io.outdial.workflows.testing.TemporalTesting;
import io.temporal.api.enums.v1.EventType;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.TestWorkflowExtension;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CampaignRoundsTest {

    @RegisterExtension
    static final TestWorkflowExtension temporal = TemporalTesting.extension();

    private TestWorkflowEnvironment env;

    @BeforeEach
    void keepEnvironment(TestWorkflowEnvironment env) {
        this.env = env;
    }

    @Nested
    class Rounds {

        @Test
        void runsOneRoundPerWholeSecondWhileTasksAreQueued() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(10));
            bench.start(CampaignInput.start(CAMPAIGN_ID, new Pacing(2, 50), true));

            CampaignResult result = bench.result();

            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 10));
            List<Round> rounds = bench.activities.rounds;
            assertThat(bench.activities.roundNumbers())
                    .isEqualTo(LongStream.rangeClosed(1, rounds.size()).boxed().toList());
            for (Round round : rounds) {
                long second = round.request().secondEpochMs();
                assertThat(second % 1000).as("round %d on a whole second", round.request().roundNo()).isZero();
                assertThat(round.scheduledAtMs()).as("round %d started in its second", round.request().roundNo())
                        .isBetween(second, second + 999);
            }
            List<Long> busySeconds = rounds.stream().filter(round -> round.released() > 0)
                    .map(round -> round.request().secondEpochMs()).toList();
            assertThat(busySeconds).hasSize(5);
            for (int i = 1; i < busySeconds.size(); i++) {
                assertThat(busySeconds.get(i) - busySeconds.get(i - 1)).as("no drift, no gap").isEqualTo(1000);
            }
            assertThat(bench.activities.finishes)
                    .containsExactly(new FinishRequest(CAMPAIGN_ID, CampaignStatus.COMPLETED));
            assertThat(bench.activities.statuses).first()
                    .isEqualTo(new StatusChange(CAMPAIGN_ID, CampaignStatus.RUNNING, new Pacing(2, 50)));
        }

        @Test
        void completesOnlyOnceInputIsClosedAndTheQueueIsDrained() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(3));
            CampaignWorkflow campaign = bench.start(false);

            bench.skip(Duration.ofSeconds(60));

            assertThat(bench.activities.released()).isEqualTo(3);
            assertThat(bench.activities.finishes).isEmpty();
            assertThat(campaign.progress().status()).isEqualTo(CampaignStatus.RUNNING);
            assertThat(bench.activities.rounds).as("an empty queue is polled every few seconds, not every second")
                    .hasSizeLessThan(20);

            long closedAt = env.currentTimeMillis();
            campaign.inputClosed(new InputClosed(3));

            assertThat(bench.result()).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 3));
            // measured at the finish activity: once the workflow has ended the test server may skip far ahead
            assertThat(bench.activities.finishScheduledAtMs.get(0) - closedAt)
                    .as("the signal wakes the idle loop at once")
                    .isLessThan(CampaignWorkflowImpl.IDLE_TICK_SECONDS * 1000L - 1000);
            assertThat(bench.activities.finishes)
                    .containsExactly(new FinishRequest(CAMPAIGN_ID, CampaignStatus.COMPLETED));
        }

        @Test
        void failedRoundIsSkippedAndItsSecondIsNeverRetried() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(3).failRound(2));
            bench.start(true);

            CampaignResult result = bench.result();

            assertThat(result.released()).isEqualTo(3);
            List<Round> rounds = bench.activities.rounds;
            assertThat(bench.activities.roundNumbers()).startsWith(1L, 2L, 3L).doesNotHaveDuplicates();
            assertThat(rounds.get(2).request().secondEpochMs() - rounds.get(0).request().secondEpochMs())
                    .isEqualTo(2000);
        }
    }

    @Nested
    class Progress {

        @Test
        void progressReportsWhatTheRoundsDid() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(10));
            CampaignWorkflow campaign = bench.start(CampaignInput.start(CAMPAIGN_ID, new Pacing(3, 50), false));

            bench.skip(Duration.ofMillis(2500));

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                CampaignProgress progress = campaign.progress();
                List<Round> rounds = bench.activities.rounds;
                assertThat(rounds).isNotEmpty();
                assertThat(progress).isEqualTo(new CampaignProgress(CAMPAIGN_ID, CampaignStatus.RUNNING,
                        new Pacing(3, 50), false, rounds.size(), bench.activities.released(),
                        10 - bench.activities.released(), rounds.get(rounds.size() - 1).released()));
            });
        }
    }

    @Nested
    class ContinueAsNew {

        @Test
        void nextRunCarriesRoundNumbersReleasedCallsAndPacing() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(10),
                    () -> new CampaignWorkflowImpl(3));
            CampaignWorkflow campaign = bench.start(false);
            campaign.changePacing(new PacingChange(2, null));

            bench.skip(Duration.ofSeconds(8));
            campaign.inputClosed(new InputClosed(10));
            CampaignResult result = bench.result();

            assertThat(result).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 10));
            assertThat(bench.activities.roundNumbers())
                    .isEqualTo(LongStream.rangeClosed(1, bench.activities.rounds.size()).boxed().toList());
            assertThat(bench.activities.rounds).hasSizeGreaterThan(3);
            assertThat(bench.activities.caps()).isSorted().endsWith(2, 2, 2);
            assertThat(bench.client.fetchHistory(CampaignBench.WORKFLOW_ID, bench.firstRun().getRunId())
                    .getLastEvent().getEventType()).isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
            assertThat(bench.activities.statuses).as("status recorded on changes, not again by every run")
                    .doesNotHaveDuplicates()
                    .endsWith(new StatusChange(CAMPAIGN_ID, CampaignStatus.RUNNING, new Pacing(2, 50)));
        }

        @Test
        void runContinuedWhilePausedStaysPausedUntilResumed() {
            CampaignBench bench = CampaignBench.of(env, new FakeCampaignActivities(2));
            CampaignWorkflow campaign = bench.start(new CampaignInput(CAMPAIGN_ID, PACING, true,
                    new CarriedState(true, false, 40, 17)));

            bench.skip(Duration.ofSeconds(10));

            assertThat(bench.activities.rounds).isEmpty();
            assertThat(bench.activities.statuses).isEmpty();
            assertThat(campaign.progress()).isEqualTo(
                    new CampaignProgress(CAMPAIGN_ID, CampaignStatus.PAUSED, PACING, true, 39, 17, 0, 0));

            campaign.resume(new ResumeRequest("carrier is back"));

            assertThat(bench.result()).isEqualTo(new CampaignResult(CAMPAIGN_ID, CampaignStatus.COMPLETED, 19));
            assertThat(bench.activities.roundNumbers()).startsWith(40L, 41L);
            assertThat(bench.activities.statuses)
                    .containsExactly(new StatusChange(CAMPAIGN_ID, CampaignStatus.RUNNING, PACING));
        }
    }
}
