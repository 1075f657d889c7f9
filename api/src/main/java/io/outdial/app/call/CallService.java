package io.outdial.app.call;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.outdial.activities.tasks.PhoneNumberNormaliser;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.call.CallOutcome;
import io.outdial.workflows.call.FaultClass;
import io.outdial.workflows.common.WorkflowIds;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Searches calls and reads one call in full, scoped to the caller's tenant: another tenant's campaign or
 * call is a 404, and a search only ever sees the caller's own campaigns (a platform admin's, every one).
 * Viewers see phone numbers masked.
 */
@Service
public class CallService {

    private static final Logger log = LoggerFactory.getLogger(CallService.class);
    /** Page size when none is asked for. */
    public static final int DEFAULT_LIMIT = 50;
    /** The largest page. */
    public static final int MAX_LIMIT = 500;
    private static final List<String> TASK_STATUSES = List.of("QUEUED", "DIALING", "DONE", "CANCELLED");

    private final CallRepository calls;
    private final PhoneNumberNormaliser normaliser;
    private final WorkflowHistoryReader histories;
    private final TemporalUiProperties temporalUi;

    CallService(CallRepository calls, PhoneNumberNormaliser normaliser, WorkflowHistoryReader histories,
                TemporalUiProperties temporalUi) {
        this.calls = calls;
        this.normaliser = normaliser;
        this.histories = histories;
        this.temporalUi = temporalUi;
    }

    /** One page of the caller's calls that match every filter given, in ascending task id order. */
    public CallPage search(Caller caller, CallSearchRequest request) {
        int limit = request.limit() == null ? DEFAULT_LIMIT : request.limit();
        if (limit < 1 || limit > MAX_LIMIT) {
            throw badParameter("limit", "must be between 1 and " + MAX_LIMIT);
        }
        String status = oneOf("status", request.status(), TASK_STATUSES);
        String outcome = oneOf("outcome", request.outcome(), names(CallOutcome.values()));
        String faultClass = oneOf("faultClass", request.faultClass(), names(FaultClass.values()));
        Instant from = instant("from", request.from());
        Instant to = instant("to", request.to());
        if (from != null && to != null && from.isAfter(to)) {
            throw badParameter("from", "must not be after 'to'");
        }
        Long after = null;
        if (request.cursor() != null) {
            after = SearchCursor.decode(request.cursor());
            if (after == null) {
                throw badParameter("cursor", "is not a cursor this API returned");
            }
        }
        List<String> regions;
        if (request.campaignId() != null) {
            CallRepository.CampaignScope campaign = calls.campaign(request.campaignId())
                    .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND,
                            "Campaign " + request.campaignId() + " not found"));
            caller.requireVisible(campaign.tenantId(), "Campaign " + request.campaignId());
            regions = List.of(campaign.defaultRegion());
        } else if (caller.tenantId() != null) {
            regions = calls.tenantRegion(caller.tenantId()).map(List::of).orElse(List.of());
        } else {
            regions = calls.allRegions();
        }
        List<String> numbers = request.phoneNumber() == null ? null : numbers(request.phoneNumber(), regions);

        CallSearch search = new CallSearch(caller.tenantId(), request.campaignId(), status, outcome, faultClass,
                from, to, numbers, after, limit + 1);
        List<CallRepository.TaskRow> rows = calls.search(search);
        boolean more = rows.size() > limit;
        List<CallSummary> items = rows.stream().limit(limit).map(row -> view(caller, row.summary())).toList();
        String next = more ? SearchCursor.encode(items.get(items.size() - 1).taskId()) : null;
        return new CallPage(items, next);
    }

    /**
     * The task, every attempt and the history of each call workflow of the task. When Temporal cannot give a
     * history, that workflow's timeline is {@code null} and {@code historyError} says why.
     */
    public CallDetail detail(Caller caller, long taskId) {
        CallRepository.TaskRow row = calls.task(taskId)
                .orElseThrow(() -> new ApiProblem(ProblemType.NOT_FOUND, "Call " + taskId + " not found"));
        caller.requireVisible(row.tenantId(), "Call " + taskId);
        CallSummary task = row.summary();
        List<CallAttempt> attempts = calls.attempts(taskId);
        Set<String> workflowIds = new LinkedHashSet<>();
        for (int n = 1; n <= task.businessAttempts(); n++) {
            workflowIds.add(WorkflowIds.call(task.campaignId(), taskId, n));
        }
        attempts.forEach(attempt -> workflowIds.add(attempt.workflowId()));
        List<CallWorkflowHistory> workflows = workflowIds.stream().map(this::history).toList();
        return new CallDetail(view(caller, task), attempts, workflows);
    }

    private CallWorkflowHistory history(String workflowId) {
        String url = temporalUi.workflowUrl(histories.namespace(), workflowId);
        try {
            WorkflowHistoryReader.History history = histories.read(workflowId);
            return new CallWorkflowHistory(workflowId, history.status(), url, history.timeline(), null);
        } catch (StatusRuntimeException e) {
            String error = e.getStatus().getCode() == Status.Code.NOT_FOUND
                    ? "Temporal has no such workflow (its history may be gone after the namespace's retention)"
                    : "Temporal could not give the history (" + e.getStatus().getCode() + ")";
            log.debug("No history of {}: {}", workflowId, e.getStatus());
            return new CallWorkflowHistory(workflowId, null, url, null, error);
        } catch (RuntimeException e) {
            log.warn("Reading the history of {} failed: {}", workflowId, e.toString());
            return new CallWorkflowHistory(workflowId, null, url, null, "Temporal could not give the history");
        }
    }

    private List<String> numbers(String raw, List<String> regions) {
        Set<String> numbers = new LinkedHashSet<>();
        String error = "has no region to read it in";
        for (String region : regions) {
            PhoneNumberNormaliser.Result result = normaliser.normalise(raw, region);
            if (result.valid()) {
                numbers.add(result.e164());
            } else {
                error = result.error();
            }
        }
        if (numbers.isEmpty()) {
            throw badParameter("phoneNumber", error);
        }
        return List.copyOf(numbers);
    }

    private static CallSummary view(Caller caller, CallSummary summary) {
        return caller.role().seesPhoneNumbers() ? summary : summary.masked();
    }

    private static String oneOf(String parameter, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw badParameter(parameter, "must be one of " + allowed);
        }
        return value;
    }

    private static Instant instant(String parameter, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw badParameter(parameter, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static ApiProblem badParameter(String parameter, String message) {
        return new ApiProblem(ProblemType.BAD_PARAMETER, "Parameter '" + parameter + "' " + message,
                Map.of("errors", List.of(Map.of("field", parameter, "message", message))));
    }
}
