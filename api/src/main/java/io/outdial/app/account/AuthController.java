package io.outdial.app.account;

import io.outdial.app.security.Caller;
import io.outdial.app.security.CallerAuthentication;
import io.outdial.app.security.Role;
import io.outdial.app.web.ProblemDetailsAdvice;
import io.outdial.app.web.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Logging in and out for people. A login starts an HTTP session (cookie {@code HttpOnly},
 * {@code SameSite=Strict}); systems send an API key instead and need none of this.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Authentication", description = "Log in with a user name and password (session cookie), log out, who am I")
class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);

    private final UserService users;
    private final SecurityContextRepository contexts;

    AuthController(UserService users, SecurityContextRepository contexts) {
        this.users = users;
        this.contexts = contexts;
    }

    /**
     * @param username the login name
     * @param password the password; never logged
     */
    record LoginRequest(@NotNull @Size(max = 200) String username, @NotNull @Size(max = 200) String password) {

        @Override
        public String toString() {
            return "LoginRequest[username=" + username + "]";
        }
    }

    /**
     * Who the caller is.
     *
     * @param name   the user name, or {@code key:<prefix>} for an API key
     * @param role   what the caller may do
     * @param tenant the caller's tenant; {@code null} for a platform administrator
     */
    record Me(String name, Role role, String tenant) {

        static Me of(Caller caller) {
            return new Me(caller.name(), caller.role(), caller.tenantName());
        }
    }

    @PostMapping("/login")
    @Operation(summary = "Log in: starts a session (cookie) and says who you are",
            description = "A wrong password and an unknown user are the same 401 problem.")
    @SecurityRequirements
    ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http,
                            HttpServletResponse response) {
        Optional<UserService.Login> login = users.authenticate(request.username(), request.password());
        if (login.isEmpty()) {
            // neither the name (it may be a password typed in the wrong field) nor the password
            log.info("Failed login from {}", http.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"outdial\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemDetailsAdvice.problem(ProblemType.UNAUTHENTICATED, "Wrong user name or password"));
        }
        HttpSession previous = http.getSession(false);
        if (previous != null) {
            previous.invalidate(); // a new session id after login: no session fixation
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(CallerAuthentication.user(login.get().userId(), login.get().caller()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, http, response);
        log.info("User {} logged in", login.get().caller().name());
        return ResponseEntity.ok(Me.of(login.get().caller()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Log out: ends the session (nothing to do for an API key)")
    @SecurityRequirement(name = "session")
    void logout(HttpServletRequest http) {
        HttpSession session = http.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @GetMapping("/me")
    @Operation(summary = "Who you are: name, role and tenant")
    Me me(Caller caller) {
        return Me.of(caller);
    }
}
