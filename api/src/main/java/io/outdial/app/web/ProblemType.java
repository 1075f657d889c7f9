package io.outdial.app.web;

import java.net.URI;
import org.springframework.http.HttpStatus;

/**
 * The stable kinds of error the API answers with, each an RFC 9457 problem {@code type} URI
 * ({@code urn:outdial:problem:<kind>}) that clients may switch on. The title and status go with the kind;
 * the detail says what happened in this request. Listed in {@code docs/api.md}; a kind is never renamed.
 */
public enum ProblemType {

    /** One or more fields or rows are invalid; an {@code errors} list says which and why. */
    VALIDATION("validation", HttpStatus.BAD_REQUEST, "Invalid request"),
    /** The body is not JSON (or CSV) of the expected shape. */
    MALFORMED_BODY("malformed-body", HttpStatus.BAD_REQUEST, "Malformed request body"),
    /** A query or path parameter has the wrong type or is missing. */
    BAD_PARAMETER("bad-parameter", HttpStatus.BAD_REQUEST, "Invalid parameter"),
    /** The campaign workflow's validator rejected a pacing change; the detail says why. */
    PACING_REJECTED("pacing-rejected", HttpStatus.BAD_REQUEST, "Pacing change rejected"),
    /** No credentials, or credentials that are not valid. */
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    /** The caller's role does not allow this. */
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Not allowed"),
    /** No such resource, or one of another tenant (never told apart). */
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    /** The HTTP method is not supported on this path. */
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    /** The response cannot be produced in an accepted media type. */
    NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),
    /** The campaign's status does not allow this (e.g. starting it twice, adding tasks after close). */
    CAMPAIGN_STATE("campaign-state", HttpStatus.CONFLICT, "Campaign state conflict"),
    /** A resource with this id or name exists already. */
    DUPLICATE("duplicate", HttpStatus.CONFLICT, "Duplicate"),
    /** The resource is referenced by others, or references one that does not exist. */
    RESOURCE_IN_USE("resource-in-use", HttpStatus.CONFLICT, "Resource in use"),
    /** A pool dedicated to another tenant, or a pool change that would break tenant isolation. */
    POOL_TENANT("pool-tenant", HttpStatus.CONFLICT, "Pool belongs to another tenant"),
    /** Any other conflict with the current state. */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    /** The body is larger than this endpoint accepts. */
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    /** The body's content type is not one this endpoint reads. */
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),
    /** Temporal, PostgreSQL or Redis cannot be reached; try again later. */
    UNAVAILABLE("unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    /** An error the server did not expect; it is logged. */
    INTERNAL("internal", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private static final String PREFIX = "urn:outdial:problem:";

    private final String kind;
    private final HttpStatus status;
    private final String title;

    ProblemType(String kind, HttpStatus status, String title) {
        this.kind = kind;
        this.status = status;
        this.title = title;
    }

    /** The {@code type} member: {@code urn:outdial:problem:<kind>}. */
    public URI uri() {
        return URI.create(PREFIX + kind);
    }

    public String kind() {
        return kind;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The kind that stands for an HTTP status the framework answered with on its own. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> MALFORMED_BODY;
            case 401 -> UNAUTHENTICATED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : VALIDATION;
        };
    }
}
