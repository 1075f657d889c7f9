package io.outdial.app.line;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The line REST API. */
@RestController
@RequestMapping("/api/v1/lines")
@Tag(name = "Lines", description = "Carrier trunks (changes: platform administrators only)")
class LineController {

    private final LineService service;

    LineController(LineService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Add a line")
    ResponseEntity<Line> create(Caller caller, @Valid @RequestBody CreateLineRequest request) {
        Line line = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/lines/" + line.id())).body(line);
    }

    @GetMapping
    @Operation(summary = "List the lines of the pools you may use")
    List<Line> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a line")
    Line get(Caller caller, @PathVariable String id) {
        return service.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a line")
    Line update(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateLineRequest request) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a line")
    void delete(Caller caller, @PathVariable String id) {
        service.delete(caller, id);
    }
}
