package io.outdial.app.account;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** API keys, for administrators: a tenant administrator manages its tenant's, a platform administrator anyone's. */
@RestController
@RequestMapping("/api/v1/api-keys")
@Tag(name = "API keys", description = "Keys systems authenticate with (administrators only)")
class ApiKeyController {

    private final ApiKeyService service;

    ApiKeyController(ApiKeyService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create an API key: the response is the only time the key is shown")
    ResponseEntity<CreatedApiKey> create(Caller caller, @Valid @RequestBody CreateApiKeyRequest request) {
        CreatedApiKey key = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.id())).body(key);
    }

    @GetMapping
    @Operation(summary = "List the API keys you manage (never the keys themselves)")
    List<ApiKey> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read an API key (never the key itself)")
    ApiKey get(Caller caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API key: it stops working at once")
    ApiKey revoke(Caller caller, @PathVariable long id) {
        return service.revoke(caller, id);
    }
}
