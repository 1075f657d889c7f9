package io.outdial.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads it, a request body declared larger than {@value #MAX_JSON_BYTES} bytes
 * with a 413 problem. JSON requests are small (the largest, a batch of 10,000 tasks, is about 1 MB);
 * CSV task uploads ({@code text/csv}) are streamed and bounded by their own endpoint, so they pass.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestSizeLimit extends OncePerRequestFilter {

    /** The largest body accepted by any endpoint except CSV uploads. */
    static final long MAX_JSON_BYTES = 16L * 1024 * 1024;

    private final ObjectMapper json;

    RequestSizeLimit(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > MAX_JSON_BYTES && !isCsv(request.getContentType())) {
            response.setStatus(ProblemType.PAYLOAD_TOO_LARGE.status().value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            // the client may still be sending: close the connection rather than read what it sends
            response.setHeader("Connection", "close");
            json.writeValue(response.getOutputStream(), ProblemDetailsAdvice.problem(ProblemType.PAYLOAD_TOO_LARGE,
                    "The request body is larger than " + MAX_JSON_BYTES / (1024 * 1024) + " MiB"));
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isCsv(String contentType) {
        try {
            return contentType != null && MediaType.parseMediaType(contentType).isCompatibleWith(MediaType.valueOf("text/csv"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
