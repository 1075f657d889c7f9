package io.outdial.app.fsnode;

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

/** The FS node REST API. */
@RestController
@RequestMapping("/api/v1/fs-nodes")
class FsNodeController {

    private final FsNodeService service;

    FsNodeController(FsNodeService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<FsNode> create(@Valid @RequestBody CreateFsNodeRequest request) {
        FsNode node = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/fs-nodes/" + node.id())).body(node);
    }

    @GetMapping
    List<FsNode> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    FsNode get(@PathVariable String id) {
        return service.get(id);
    }

    @PatchMapping("/{id}")
    FsNode update(@PathVariable String id, @Valid @RequestBody UpdateFsNodeRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable String id) {
        service.delete(id);
    }
}
