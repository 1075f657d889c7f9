package io.outdial.app.security;

import io.outdial.app.account.ApiKeyService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates a system by its API key, sent as {@code Authorization: Bearer <key>} or
 * {@code X-API-Key: <key>}, for this request only (nothing is kept in a session). A key that is not valid
 * (unknown, malformed or revoked) is a 401 at once, even on an open path: a client with a broken key
 * should learn it. The key is never logged.
 */
final class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    /** The header a key may be sent in besides {@code Authorization: Bearer}. */
    static final String HEADER = "X-API-Key";
    private static final String BEARER = "Bearer ";

    private final ApiKeyService keys;
    private final ProblemResponses problems;

    ApiKeyAuthenticationFilter(ApiKeyService keys, ProblemResponses problems) {
        this.keys = keys;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> presented = presentedKey(request);
        if (presented.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Optional<Caller> caller = keys.authenticate(presented.get());
        if (caller.isEmpty()) {
            problems.unauthenticated(response, "The API key is not valid");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(CallerAuthentication.apiKey(caller.get()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static Optional<String> presentedKey(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null && !header.isBlank()) {
            return Optional.of(header.strip());
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.of(authorization.substring(BEARER.length()).strip());
        }
        return Optional.empty();
    }
}
