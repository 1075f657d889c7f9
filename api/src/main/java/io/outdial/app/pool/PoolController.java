package io.outdial.app.pool;

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

/** The pool REST API. */
@RestController
@RequestMapping("/api/v1/pools")
@Tag(name = "Pools", description = "Groups of FS nodes and lines (changes: platform administrators only)")
class PoolController {

    private final PoolService service;

    PoolController(PoolService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a pool, shared or dedicated to a tenant")
    ResponseEntity<Pool> create(Caller caller, @Valid @RequestBody CreatePoolRequest request) {
        Pool pool = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/pools/" + pool.id())).body(pool);
    }

    @GetMapping
    @Operation(summary = "List the pools you may use: shared ones and your tenant's own")
    List<Pool> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a pool")
    Pool get(Caller caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a pool, dedicate it to a tenant or share it")
    Pool update(Caller caller, @PathVariable long id, @Valid @RequestBody UpdatePoolRequest request) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a pool nothing uses")
    void delete(Caller caller, @PathVariable long id) {
        service.delete(caller, id);
    }
}
