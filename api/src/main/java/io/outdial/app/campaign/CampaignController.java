package io.outdial.app.campaign;

import io.outdial.app.security.Caller;
import io.outdial.workflows.campaign.Pacing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The campaign REST API. Errors are RFC 9457 problem details (see {@code ProblemDetailsAdvice}). */
@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Create, read and steer campaigns (reads: any role; changes: ADMIN, MANAGER)")
class CampaignController {

    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a DRAFT campaign")
    ResponseEntity<Created> create(Caller caller, @Valid @RequestBody CreateCampaignRequest request) {
        long id = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(new Created(id));
    }

    @GetMapping
    @Operation(summary = "List your tenant's campaigns (every tenant's for a platform administrator)")
    List<CampaignRow> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a campaign with its counts and live progress")
    CampaignDetails get(Caller caller, @PathVariable long id) {
        return service.details(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change weight, strategy, pool or the re-attempt policy")
    CampaignRow update(Caller caller, @PathVariable long id, @Valid @RequestBody UpdateCampaignRequest request) {
        return service.update(caller, id, request);
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Start a DRAFT campaign")
    Started start(Caller caller, @PathVariable long id) {
        return new Started(service.start(caller, id));
    }

    @PostMapping("/{id}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Pause a running campaign")
    void pause(Caller caller, @PathVariable long id) {
        service.pause(caller, id);
    }

    @PostMapping("/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Resume a paused campaign")
    void resume(Caller caller, @PathVariable long id) {
        service.resume(caller, id);
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Cancel a campaign")
    void cancel(Caller caller, @PathVariable long id) {
        service.cancel(caller, id);
    }

    @PostMapping("/{id}/close-input")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Declare that no more tasks will come")
    void closeInput(Caller caller, @PathVariable long id) {
        service.closeInput(caller, id);
    }

    @PatchMapping("/{id}/pacing")
    @Operation(summary = "Change the pacing live (the running campaign's validator may reject it: 400)")
    Pacing changePacing(Caller caller, @PathVariable long id, @Valid @RequestBody PacingRequest request) {
        return service.changePacing(caller, id, request);
    }

    /** @param id the new campaign's id */
    record Created(long id) {
    }

    /** @param workflowId the campaign workflow's id */
    record Started(String workflowId) {
    }
}
