package io.outdial.app.line;

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
class LineController {

    private final LineService service;

    LineController(LineService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Line> create(@Valid @RequestBody CreateLineRequest request) {
        Line line = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/lines/" + line.id())).body(line);
    }

    @GetMapping
    List<Line> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    Line get(@PathVariable String id) {
        return service.get(id);
    }

    @PatchMapping("/{id}")
    Line update(@PathVariable String id, @Valid @RequestBody UpdateLineRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id);
    }
}
