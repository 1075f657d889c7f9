package io.outdial.app.call;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Reads a workflow's history from the Temporal frontend, page by page, and turns each event into a
 * {@link TimelineEvent} that names what happened but never carries a payload (workflow and activity inputs
 * and results carry phone numbers).
 */
@Component
class WorkflowHistoryReader {

    /** A workflow's status and its timeline. */
    record History(String status, List<TimelineEvent> timeline) {
    }

    /** More events than this are not read: a call workflow has a few dozen. */
    static final int MAX_EVENTS = 5_000;
    private static final int PAGE_SIZE = 500;
    private static final Duration DEADLINE = Duration.ofSeconds(5);

    private final WorkflowClient client;

    WorkflowHistoryReader(WorkflowClient client) {
        this.client = client;
    }

    /** The namespace histories are read from. */
    String namespace() {
        return client.getOptions().getNamespace();
    }

    /**
     * The workflow's status and history; throws {@link io.grpc.StatusRuntimeException} when Temporal cannot
     * answer ({@code NOT_FOUND}: no such workflow, or its history is gone after the namespace's retention).
     */
    History read(String workflowId) {
        WorkflowExecution execution = WorkflowExecution.newBuilder().setWorkflowId(workflowId).build();
        String status = stub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                        .setNamespace(namespace()).setExecution(execution).build())
                .getWorkflowExecutionInfo().getStatus().name().replace("WORKFLOW_EXECUTION_STATUS_", "");
        List<TimelineEvent> timeline = new ArrayList<>();
        Map<Long, String> activityTypes = new HashMap<>();
        ByteString pageToken = ByteString.EMPTY;
        do {
            GetWorkflowExecutionHistoryResponse page = stub().getWorkflowExecutionHistory(
                    GetWorkflowExecutionHistoryRequest.newBuilder()
                            .setNamespace(namespace())
                            .setExecution(execution)
                            .setMaximumPageSize(PAGE_SIZE)
                            .setNextPageToken(pageToken)
                            .build());
            for (HistoryEvent event : page.getHistory().getEventsList()) {
                if (timeline.size() == MAX_EVENTS) {
                    return new History(status, timeline);
                }
                timeline.add(new TimelineEvent(event.getEventId(),
                        Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos()),
                        typeName(event.getEventType()), EventSummary.of(event, activityTypes)));
            }
            pageToken = page.getNextPageToken();
        } while (!pageToken.isEmpty());
        return new History(status, timeline);
    }

    private WorkflowServiceGrpc.WorkflowServiceBlockingStub stub() {
        return client.getWorkflowServiceStubs().blockingStub()
                .withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** {@code EVENT_TYPE_ACTIVITY_TASK_SCHEDULED} becomes {@code ActivityTaskScheduled}. */
    static String typeName(EventType type) {
        StringBuilder name = new StringBuilder();
        for (String word : type.name().replaceFirst("^EVENT_TYPE_", "").split("_")) {
            if (!word.isEmpty()) {
                name.append(word.charAt(0)).append(word.substring(1).toLowerCase());
            }
        }
        return name.toString();
    }
}
