package io.outdial.app.campaign;

import io.outdial.workflows.campaign.Pacing;
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
class CampaignController {

    private final CampaignService service;

    CampaignController(CampaignService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Created> create(@Valid @RequestBody CreateCampaignRequest request) {
        long id = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/campaigns/" + id)).body(new Created(id));
    }

    @GetMapping
    List<CampaignRow> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    CampaignDetails get(@PathVariable long id) {
        return service.details(id);
    }

    @PatchMapping("/{id}")
    CampaignRow update(@PathVariable long id, @Valid @RequestBody UpdateCampaignRequest request) {
        return service.update(id, request);
    }

    @PostMapping("/{id}/start")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Started start(@PathVariable long id) {
        return new Started(service.start(id));
    }

    @PostMapping("/{id}/pause")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void pause(@PathVariable long id) {
        service.pause(id);
    }

    @PostMapping("/{id}/resume")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void resume(@PathVariable long id) {
        service.resume(id);
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void cancel(@PathVariable long id) {
        service.cancel(id);
    }

    @PostMapping("/{id}/close-input")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void closeInput(@PathVariable long id) {
        service.closeInput(id);
    }

    @PatchMapping("/{id}/pacing")
    Pacing changePacing(@PathVariable long id, @Valid @RequestBody PacingRequest request) {
        return service.changePacing(id, request);
    }

    /** @param id the new campaign's id */
    record Created(long id) {
    }

    /** @param workflowId the campaign workflow's id */
    record Started(String workflowId) {
    }
}
