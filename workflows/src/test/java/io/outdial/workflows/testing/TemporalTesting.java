package io.outdial.workflows.testing;

import io.outdial.workflows.common.SearchAttributes;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.SearchAttributeKey;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Shared set-up of workflow tests: a time-skipping test server that knows our search attributes. */
public final class TemporalTesting {

    /** Where recorded histories live; the replay test reads them from the classpath. */
    public static final Path HISTORIES = Path.of("src/test/resources/histories");

    /** Set {@code -Doutdial.recordHistories=true} to rewrite the recorded histories from a test run. */
    public static final boolean RECORD_HISTORIES = Boolean.getBoolean("outdial.recordHistories");

    private TemporalTesting() {
    }

    /**
     * A time-skipping test environment with every search attribute registered; not started, so a
     * test can create workers on the real task queues first and then call {@code start()}.
     */
    public static TestWorkflowExtension extension() {
        TestWorkflowExtension.Builder builder = TestWorkflowExtension.newBuilder()
                .setUseTimeskipping(true)
                .setDoNotStart(true);
        for (SearchAttributeKey<?> key : SearchAttributes.ALL) {
            builder.registerSearchAttribute(key.getName(), key.getValueType());
        }
        return builder.build();
    }

    /** The events of the given type in a workflow's latest run. */
    public static List<HistoryEvent> events(WorkflowClient client, String workflowId, EventType type) {
        return client.fetchHistory(workflowId).getEvents().stream()
                .filter(event -> event.getEventType() == type)
                .toList();
    }

    /** Saves a workflow's history as a replay fixture when recording is switched on. */
    public static void recordHistory(WorkflowClient client, String workflowId, String name) {
        if (!RECORD_HISTORIES) {
            return;
        }
        WorkflowExecutionHistory history = client.fetchHistory(workflowId);
        try {
            Files.createDirectories(HISTORIES);
            Files.writeString(HISTORIES.resolve(name + ".json"), history.toJson(true), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
