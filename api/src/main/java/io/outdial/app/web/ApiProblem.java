package io.outdial.app.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An error a service raises with its problem kind, a detail for this request, and optional extra members
 * of the problem document (e.g. {@code errors}). {@link ProblemDetailsAdvice} renders it. The detail must
 * never quote a phone number or a secret.
 */
public class ApiProblem extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> properties;

    public ApiProblem(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ApiProblem(ProblemType type, String detail, Map<String, Object> properties) {
        super(detail);
        this.type = type;
        this.properties = new LinkedHashMap<>(properties);
    }

    public ProblemType type() {
        return type;
    }

    /** Extra members of the problem document, in order. */
    public Map<String, Object> properties() {
        return properties;
    }
}
