package io.outdial.app.fsnode;

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

/** The FS node REST API. */
@RestController
@RequestMapping("/api/v1/fs-nodes")
@Tag(name = "FS nodes", description = "FreeSWITCH nodes (changes: platform administrators only; ESL passwords are never returned)")
class FsNodeController {

    private final FsNodeService service;

    FsNodeController(FsNodeService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Add an FS node")
    ResponseEntity<FsNode> create(Caller caller, @Valid @RequestBody CreateFsNodeRequest request) {
        FsNode node = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/fs-nodes/" + node.id())).body(node);
    }

    @GetMapping
    @Operation(summary = "List the FS nodes of the pools you may use")
    List<FsNode> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an FS node")
    FsNode get(Caller caller, @PathVariable String id) {
        return service.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change an FS node")
    FsNode update(Caller caller, @PathVariable String id, @Valid @RequestBody UpdateFsNodeRequest request) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an FS node")
    void delete(Caller caller, @PathVariable String id) {
        service.delete(caller, id);
    }
}
