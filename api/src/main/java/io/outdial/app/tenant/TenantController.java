package io.outdial.app.tenant;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The tenant REST API. */
@RestController
@RequestMapping("/api/v1/tenants")
class TenantController {

    private final TenantService service;

    TenantController(TenantService service) {
        this.service = service;
    }

    @PostMapping
    ResponseEntity<Tenant> create(@Valid @RequestBody CreateTenantRequest request) {
        Tenant tenant = service.create(request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(tenant);
    }

    @GetMapping
    List<Tenant> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    Tenant get(@PathVariable long id) {
        return service.get(id);
    }
}
