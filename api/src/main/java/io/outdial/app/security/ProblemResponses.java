package io.outdial.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.web.ProblemDetailsAdvice;
import io.outdial.app.web.ProblemType;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The 401 and 403 answers of the filter chain, as RFC 9457 problem details like every other error: 401
 * ({@code urn:outdial:problem:unauthenticated}) with a {@code WWW-Authenticate} header naming both ways in,
 * 403 ({@code urn:outdial:problem:forbidden}) when the role does not allow the request.
 */
final class ProblemResponses {

    /** Both schemes clients may use: an API key as a bearer token (or X-API-Key), or a session cookie. */
    static final String CHALLENGE = "Bearer realm=\"outdial\"";

    private final ObjectMapper json;

    ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> unauthenticated(response, "Log in or send an API key");
    }

    AccessDeniedHandler forbidden() {
        return (request, response, e) -> write(response, ProblemType.FORBIDDEN,
                "Your role does not allow this request");
    }

    void unauthenticated(HttpServletResponse response, String detail) throws IOException {
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        write(response, ProblemType.UNAUTHENTICATED, detail);
    }

    void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        ProblemDetail problem = ProblemDetailsAdvice.problem(type, detail);
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
