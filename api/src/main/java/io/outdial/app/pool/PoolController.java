package io.outdial.app.pool;

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
class PoolController {

    private final PoolService service;

    PoolController(PoolService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Pool> create(@Valid @RequestBody CreatePoolRequest request) {
        Pool pool = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/pools/" + pool.id())).body(pool);
    }

    @GetMapping
    List<Pool> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    Pool get(@PathVariable long id) {
        return service.get(id);
    }

    @PatchMapping("/{id}")
    Pool update(@PathVariable long id, @Valid @RequestBody UpdatePoolRequest request) {
        return service.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        service.delete(id);
    }
}
