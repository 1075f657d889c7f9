package io.outdial.app.web;

import io.outdial.app.campaign.CampaignNotFoundException;
import io.outdial.app.campaign.CampaignStateException;
import io.outdial.app.campaign.InvalidRequestException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponse;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns errors into RFC 9457 problem details, each with the stable {@code type} of its {@link ProblemType}. Validation problems carry an {@code errors} list of
 * {@code {field, message}}; no message echoes the rejected value (it may be a phone number).
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler
    ProblemDetail apiProblem(ApiProblem e) {
        ProblemDetail problem = problem(e.type(), e.getMessage());
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(CampaignNotFoundException e) {
        return problem(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(CampaignStateException e) {
        return problem(ProblemType.CAMPAIGN_STATE, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(ProblemType.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail conflict(ConflictException e) {
        return problem(ProblemType.CONFLICT, e.getMessage());
    }

    /** A query parameter or path variable that does not convert (e.g. {@code /campaigns/abc}). */
    @ExceptionHandler
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(ProblemType.BAD_PARAMETER, "Parameter '" + e.getName() + "' has the wrong type");
    }

    /** Anything no other handler knows: logged with its stack trace, answered without internals. */
    @ExceptionHandler
    ProblemDetail unexpected(RuntimeException e) {
        log.error("Unexpected error", e);
        return problem(ProblemType.INTERNAL, "The server failed to handle the request; the error is logged");
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
            case "campaign_pool_tenant" -> problem(ProblemType.POOL_TENANT,
                    "A campaign can only use a shared pool or a pool dedicated to its own tenant");
            case "pool_tenant_campaigns" -> problem(ProblemType.POOL_TENANT,
                    "The pool cannot be dedicated to this tenant while other tenants' campaigns use it");
            default -> switch (violation.sqlState()) {
                case ConstraintViolation.UNIQUE -> problem(ProblemType.DUPLICATE,
                        "A resource with this id or name already exists");
                case ConstraintViolation.FOREIGN_KEY -> problem(ProblemType.RESOURCE_IN_USE,
                        "The resource is referenced by others, or references one that does not exist");
                default -> problem(ProblemType.VALIDATION,
                        "A value breaks a rule of the database" + (violation.constraint().isEmpty()
                                ? "" : " (" + violation.constraint() + ")"));
            };
        };
    }

    @ExceptionHandler
    ProblemDetail invalid(InvalidRequestException e) {
        ProblemDetail problem = problem(ProblemType.VALIDATION, e.getMessage());
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
        ProblemDetail problem = problem(ProblemType.VALIDATION, errors.size() + " field(s) are invalid");
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // the parser's own message may quote the body, phone numbers included
        ProblemDetail problem = problem(ProblemType.MALFORMED_BODY,
                "The request body is not valid JSON of the expected shape");
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    /**
     * Every problem the framework builds on its own (405, 406, 415, 404 of an unknown path, a missing
     * parameter...) gets the stable type of its status instead of {@code about:blank}.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse response) {
            body = response.getBody();
        }
        if (body instanceof ProblemDetail problem && ABOUT_BLANK.equals(problem.getType())) {
            ProblemType type = e instanceof MissingServletRequestParameterException
                    || e instanceof HandlerMethodValidationException
                    ? ProblemType.BAD_PARAMETER : ProblemType.forStatus(status.value());
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    /** A problem document of this kind. */
    public static ProblemDetail problem(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }
}
