package io.outdial.app.web;

import io.outdial.app.campaign.CampaignNotFoundException;
import io.outdial.app.campaign.CampaignStateException;
import io.outdial.app.campaign.InvalidRequestException;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors into RFC 9457 problem details. Validation problems carry an {@code errors} list of
 * {@code {field, message}}; no message echoes the rejected value (it may be a phone number).
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail notFound(CampaignNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Campaign not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(CampaignStateException e) {
        return problem(HttpStatus.CONFLICT, "Campaign state conflict", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /**
     * A database constraint caught what the services did not (a concurrent request, or a rule the
     * database enforces on its own, such as the tenant-isolation triggers of V2). The database's own
     * message is not returned: it may quote stored values.
     */
    @ExceptionHandler
    ProblemDetail constraintViolated(DataIntegrityViolationException e) {
        ConstraintViolation violation = ConstraintViolation.of(e);
        return switch (violation.constraint()) {
            case "campaign_pool_tenant" -> problem(HttpStatus.CONFLICT, "Pool dedicated to another tenant",
                    "A campaign can only use a shared pool or a pool dedicated to its own tenant");
            case "pool_tenant_campaigns" -> problem(HttpStatus.CONFLICT, "Pool used by another tenant",
                    "The pool cannot be dedicated to this tenant while other tenants' campaigns use it");
            default -> switch (violation.sqlState()) {
                case ConstraintViolation.UNIQUE -> problem(HttpStatus.CONFLICT, "Duplicate",
                        "A resource with this id or name already exists");
                case ConstraintViolation.FOREIGN_KEY -> problem(HttpStatus.CONFLICT, "Resource in use",
                        "The resource is referenced by others, or references one that does not exist");
                default -> problem(HttpStatus.BAD_REQUEST, "Invalid request",
                        "A value breaks a rule of the database" + (violation.constraint().isEmpty()
                                ? "" : " (" + violation.constraint() + ")"));
            };
        };
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage());
        problem.setProperty("errors", e.errors().stream()
                .map(error -> Map.of("field", error.field(), "message", error.message()))
                .toList());
        return problem;
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(),
                        "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()))
                .toList();
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid request",
                errors.size() + " field(s) are invalid");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the parser's own message may quote the body, phone numbers included
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Malformed request body",
                "The request body is not valid JSON of the expected shape");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
