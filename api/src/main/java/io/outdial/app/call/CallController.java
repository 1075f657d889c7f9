package io.outdial.app.call;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The calls REST API: search and detail. Errors are RFC 9457 problem details. */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls", description = "Search calls and read one call's attempts and Temporal history")
class CallController {

    private final CallService service;

    CallController(CallService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "Search calls",
            description = "One row per call task of the caller's campaigns, in ascending task id order, filtered "
                    + "by every parameter given. Keyset pagination: pass nextCursor as cursor for the next page. "
                    + "A bad parameter is a 400 problem of type urn:outdial:problem:bad-parameter naming it in "
                    + "errors[].field. Viewers see phone numbers masked.")
    @ApiResponse(responseCode = "200", description = "A page of calls")
    @ApiResponse(responseCode = "400", description = "A parameter is invalid")
    @ApiResponse(responseCode = "404", description = "The campaign does not exist or belongs to another tenant")
    CallPage search(Caller caller,
            @Parameter(description = "Only this campaign's calls") @RequestParam(required = false) Long campaignId,
            @Parameter(description = "Task status", schema = @Schema(allowableValues = {
                    "QUEUED", "DIALING", "DONE", "CANCELLED"})) @RequestParam(required = false) String status,
            @Parameter(description = "Outcome of the task's latest attempt", schema = @Schema(allowableValues = {
                    "ANSWERED", "BUSY", "NO_ANSWER", "REJECTED", "INVALID_NUMBER", "LINE_FAILED", "SWITCH_FAILED",
                    "INDETERMINATE"})) @RequestParam(required = false) String outcome,
            @Parameter(description = "Fault class of the task's latest attempt", schema = @Schema(allowableValues = {
                    "ANSWERED", "CALLEE_OUTCOME", "LINE_FAULT", "SWITCH_FAULT", "INDETERMINATE"}))
            @RequestParam(required = false) String faultClass,
            @Parameter(description = "ISO-8601 instant: calls with an attempt started at or after it",
                    example = "2026-01-31T12:00:00Z") @RequestParam(required = false) String from,
            @Parameter(description = "ISO-8601 instant: calls with an attempt started before it",
                    example = "2026-01-31T13:00:00Z") @RequestParam(required = false) String to,
            @Parameter(description = "Exact number, normalised to E.164 in the campaign tenant's default region")
            @RequestParam(required = false) String phoneNumber,
            @Parameter(description = "Page size, 1..500", schema = @Schema(defaultValue = "50", minimum = "1",
                    maximum = "500")) @RequestParam(required = false) Integer limit,
            @Parameter(description = "The nextCursor of the previous page") @RequestParam(required = false)
            String cursor) {
        return service.search(caller, new CallSearchRequest(campaignId, status, outcome, faultClass, from, to,
                phoneNumber, limit, cursor));
    }

    @GetMapping("/{taskId}")
    @Operation(summary = "Read one call",
            description = "The task, every dial attempt, and for each call workflow of the task its status, "
                    + "history timeline read from Temporal (event types and names only, never payloads) and a "
                    + "link to the Temporal Web UI. When Temporal cannot give a history, timeline is null and "
                    + "historyError says why.")
    @ApiResponse(responseCode = "200", description = "The call")
    @ApiResponse(responseCode = "404", description = "No such call, or one of another tenant")
    CallDetail detail(Caller caller, @Parameter(description = "The call task's id") @PathVariable long taskId) {
        return service.detail(caller, taskId);
    }
}
