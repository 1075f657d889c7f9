package io.outdial.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (the servlet container's own 400/413, a filter's error) reach
 * {@code /error}; they are answered as problem details too, with the stable type of their status and
 * never the container's message (it may quote the request).
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping(path = "/error", produces = {MediaType.APPLICATION_PROBLEM_JSON_VALUE,
            MediaType.APPLICATION_JSON_VALUE, MediaType.ALL_VALUE})
    ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer value ? value : 500;
        ProblemType type = ProblemType.forStatus(status);
        ProblemDetail problem = ProblemDetailsAdvice.problem(type, switch (type) {
            case PAYLOAD_TOO_LARGE -> "The request body is larger than this endpoint accepts";
            case NOT_FOUND -> "There is nothing at this path";
            case INTERNAL -> "The server failed to handle the request; the error is logged";
            default -> type.title();
        });
        problem.setStatus(status);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
