package io.outdial.app.call;

import io.outdial.activities.esl.NumberMask;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import java.time.Duration;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one history event names, in a line: the activity type, timer, signal, update, marker, failure
 * message or search attributes upserted. Built only from names and ids the code chose, never from
 * payloads; free text (failure messages, termination reasons) has every long digit run masked, since
 * an error message may quote a phone number.
 */
final class EventSummary {

    /** Five digits or more, with an optional + and separators inside: could be a phone number. */
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?[0-9](?:[0-9 ().-]*[0-9]){4,}");
    private static final int MAX_TEXT = 300;

    private EventSummary() {
    }

    /**
     * The summary of {@code event}, or {@code null}. {@code activityTypes} maps the ids of the scheduled
     * events seen so far to their activity types, so an activity's later events can name it.
     */
    static String of(HistoryEvent event, Map<Long, String> activityTypes) {
        return switch (event.getEventType()) {
            case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
                var a = event.getWorkflowExecutionStartedEventAttributes();
                yield "workflow " + a.getWorkflowType().getName() + " on task queue " + a.getTaskQueue().getName()
                        + (a.getAttempt() > 1 ? ", attempt " + a.getAttempt() : "");
            }
            case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> {
                var a = event.getActivityTaskScheduledEventAttributes();
                activityTypes.put(event.getEventId(), a.getActivityType().getName());
                yield "activity " + a.getActivityType().getName() + " (id " + a.getActivityId() + ")";
            }
            case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
                var a = event.getActivityTaskStartedEventAttributes();
                yield activity(activityTypes, a.getScheduledEventId()) + " started, attempt " + a.getAttempt()
                        + (a.hasLastFailure() ? ", last failure: " + failure(a.getLastFailure()) : "");
            }
            case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> activity(activityTypes,
                    event.getActivityTaskCompletedEventAttributes().getScheduledEventId()) + " completed";
            case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
                var a = event.getActivityTaskFailedEventAttributes();
                yield activity(activityTypes, a.getScheduledEventId()) + " failed: " + failure(a.getFailure());
            }
            case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
                var a = event.getActivityTaskTimedOutEventAttributes();
                yield activity(activityTypes, a.getScheduledEventId()) + " timed out: " + failure(a.getFailure());
            }
            case EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED -> activity(activityTypes,
                    event.getActivityTaskCancelRequestedEventAttributes().getScheduledEventId()) + " cancel requested";
            case EVENT_TYPE_ACTIVITY_TASK_CANCELED -> activity(activityTypes,
                    event.getActivityTaskCanceledEventAttributes().getScheduledEventId()) + " cancelled";
            case EVENT_TYPE_TIMER_STARTED -> {
                var a = event.getTimerStartedEventAttributes();
                yield "timer " + a.getTimerId() + " for "
                        + Duration.ofSeconds(a.getStartToFireTimeout().getSeconds(), a.getStartToFireTimeout().getNanos());
            }
            case EVENT_TYPE_TIMER_FIRED -> "timer " + event.getTimerFiredEventAttributes().getTimerId() + " fired";
            case EVENT_TYPE_TIMER_CANCELED -> "timer " + event.getTimerCanceledEventAttributes().getTimerId()
                    + " cancelled";
            case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> "signal "
                    + event.getWorkflowExecutionSignaledEventAttributes().getSignalName();
            case EVENT_TYPE_SIGNAL_EXTERNAL_WORKFLOW_EXECUTION_INITIATED -> {
                var a = event.getSignalExternalWorkflowExecutionInitiatedEventAttributes();
                yield "signal " + a.getSignalName() + " to " + a.getWorkflowExecution().getWorkflowId();
            }
            case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED -> "update "
                    + event.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest().getInput().getName()
                    + " accepted";
            case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_REJECTED -> {
                var a = event.getWorkflowExecutionUpdateRejectedEventAttributes();
                yield "update " + a.getRejectedRequest().getInput().getName() + " rejected: " + failure(a.getFailure());
            }
            case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED -> "update "
                    + event.getWorkflowExecutionUpdateCompletedEventAttributes().getMeta().getUpdateId() + " completed";
            case EVENT_TYPE_MARKER_RECORDED -> "marker " + event.getMarkerRecordedEventAttributes().getMarkerName();
            case EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES -> "search attributes " + new TreeSet<>(event
                    .getUpsertWorkflowSearchAttributesEventAttributes().getSearchAttributes().getIndexedFieldsMap()
                    .keySet());
            case EVENT_TYPE_START_CHILD_WORKFLOW_EXECUTION_INITIATED -> {
                var a = event.getStartChildWorkflowExecutionInitiatedEventAttributes();
                yield "child workflow " + a.getWorkflowType().getName() + " " + a.getWorkflowId();
            }
            case EVENT_TYPE_WORKFLOW_TASK_FAILED -> {
                var a = event.getWorkflowTaskFailedEventAttributes();
                yield a.getCause().name().replace("WORKFLOW_TASK_FAILED_CAUSE_", "") + ": " + failure(a.getFailure());
            }
            case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED -> "failed: "
                    + failure(event.getWorkflowExecutionFailedEventAttributes().getFailure());
            case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED -> "terminated: "
                    + scrub(event.getWorkflowExecutionTerminatedEventAttributes().getReason());
            case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> "continued as new run "
                    + event.getWorkflowExecutionContinuedAsNewEventAttributes().getNewExecutionRunId();
            default -> null;
        };
    }

    private static String activity(Map<Long, String> activityTypes, long scheduledEventId) {
        return "activity " + activityTypes.getOrDefault(scheduledEventId, "#" + scheduledEventId);
    }

    /** A failure's message and type, and its cause's, masked and cut short. */
    private static String failure(Failure failure) {
        StringBuilder text = new StringBuilder(failure.getMessage());
        if (failure.hasApplicationFailureInfo() && !failure.getApplicationFailureInfo().getType().isEmpty()) {
            text.append(" (").append(failure.getApplicationFailureInfo().getType()).append(')');
        }
        if (failure.hasCause()) {
            text.append("; cause: ").append(failure.getCause().getMessage());
        }
        return scrub(text.toString());
    }

    /** Masks every run of digits that could be a phone number, and cuts the text short. */
    static String scrub(String text) {
        Matcher matcher = DIGIT_RUN.matcher(text);
        StringBuilder masked = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(masked, Matcher.quoteReplacement(
                    NumberMask.mask(matcher.group().replaceAll("[ ().-]", ""))));
        }
        matcher.appendTail(masked);
        return masked.length() > MAX_TEXT ? masked.substring(0, MAX_TEXT) + "..." : masked.toString();
    }
}
