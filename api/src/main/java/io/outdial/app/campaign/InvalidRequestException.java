package io.outdial.app.campaign;

import java.util.List;

/** A request the service rejects as a whole, with one error per offending field. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String message, List<FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    /**
     * One rejected field.
     *
     * @param field   its path in the request, e.g. {@code tasks[3].phoneNumber}
     * @param message what is wrong; never echoes a phone number
     */
    public record FieldError(String field, String message) {
    }
}
