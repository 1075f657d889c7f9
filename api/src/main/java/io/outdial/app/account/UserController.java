package io.outdial.app.account;

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

/** Users, for administrators: a tenant administrator manages its tenant's, a platform administrator anyone's. */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People who log in (administrators only)")
class UserController {

    private final UserService service;

    UserController(UserService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(summary = "Create a user")
    ResponseEntity<User> create(Caller caller, @Valid @RequestBody CreateUserRequest request) {
        User user = service.create(caller, request);
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(user);
    }

    @GetMapping
    @Operation(summary = "List the users you manage")
    List<User> list(Caller caller) {
        return service.list(caller);
    }

    @GetMapping("/{id}")
    @Operation(summary = "Read a user")
    User get(Caller caller, @PathVariable long id) {
        return service.get(caller, id);
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change a user's role, enabled flag or password")
    User update(Caller caller, @PathVariable long id, @Valid @RequestBody UpdateUserRequest request) {
        return service.update(caller, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Disable a user (kept for the record; it can no longer log in)")
    void disable(Caller caller, @PathVariable long id) {
        service.disable(caller, id);
    }
}
