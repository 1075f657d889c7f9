package io.outdial.workflows;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.workflows.call.CallActivities;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallResult;
import io.outdial.workflows.call.CallWorkflow;
import io.outdial.workflows.call.CallWorkflowImpl;
import io.outdial.workflows.call.PlaceCallRequest;
import io.outdial.workflows.campaign.CampaignWorkflowImpl;
import io.outdial.workflows.common.TaskQueues;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.workflow.Workflow;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays histories recorded from real runs (test resources {@code histories/}) against today's
 * workflow code, so a change that would break running workflows fails the build. To re-record them
 * after a deliberate, versioned change: {@code mvn -pl workflows test -Doutdial.recordHistories=true}.
 */
class ReplayTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("recordedHistories")
    void replaysRecordedHistories(Path history) throws Exception {
        WorkflowReplayer.replayWorkflowExecution(Files.readString(history, StandardCharsets.UTF_8),
                CampaignWorkflowImpl.class, CallWorkflowImpl.class);
    }

    @Test
    void historiesOfEveryWorkflowAreRecorded() throws Exception {
        assertThat(recordedHistories()).extracting(path -> path.getFileName().toString())
                .contains("campaign-paused-resumed-completed.json", "campaign-pacing-changed-cancelled.json",
                        "call-answered.json", "call-place-failed.json",
                        // recorded before record-outcome became a local activity (CallWorkflowImpl.RECORD_LOCALLY)
                        "call-answered-record-activity.json",
                        // failover (CallWorkflowImpl.FAILOVER) and reconciling (CallWorkflowImpl.RECONCILE)
                        "call-failed-over-line.json", "call-reconciled-followed.json",
                        "call-place-failed-reconciled.json");
    }

    @Test
    void codeThatNoLongerMatchesAHistoryFailsTheReplay() throws Exception {
        String history = Files.readString(historiesDirectory().resolve("call-answered.json"), StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecution(history, PlaceOnlyCallWorkflow.class))
                .hasMessageContaining("NonDeterministicException");
    }

    static List<Path> recordedHistories() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(historiesDirectory())) {
            return files.filter(path -> path.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static Path historiesDirectory() throws URISyntaxException {
        return Path.of(ReplayTest.class.getResource("/histories").toURI());
    }

    /** A changed call workflow: it places the call but no longer tags or records it. */
    public static class PlaceOnlyCallWorkflow implements CallWorkflow {

        @Override
        public CallResult run(CallRequest request) {
            CallActivities activities = Workflow.newActivityStub(CallActivities.class, ActivityOptions.newBuilder()
                    .setTaskQueue(TaskQueues.CALLS)
                    .setStartToCloseTimeout(Duration.ofHours(3))
                    .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                    .build());
            activities.placeCall(new PlaceCallRequest(request.campaignId(), request.taskId(), request.attempt(),
                    request.fsNodeId(), request.lineId(), request.gateway(), "changed", request.reservedSecondMs(),
                    request.ringTimeoutSeconds()));
            return new CallResult(request.taskId(), 1, null, null, 0);
        }
    }
}
