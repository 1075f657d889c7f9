package io.outdial.app.tenant;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Tenants", description = "Business units (changes: platform administrators only)")
class TenantController {

    private final TenantService service;

    TenantController(TenantService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a tenant")
    ResponseEntity<Tenant> create(Caller caller, @Valid @RequestBody CreateTenantRequest request) {
        Tenant tenant = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/tenants/" + tenant.id())).body(tenant);
    }

    @GetMapping
    @Operation(summary = "List tenants (a tenant's caller sees only its own)")
    List<Tenant> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a tenant")
    Tenant get(Caller caller, @PathVariable long id) {
        return service.get(caller, id);
    }
}
