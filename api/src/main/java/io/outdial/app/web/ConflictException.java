package io.outdial.app.web;

/**
 * The request clashes with what is stored: a duplicate id or name, a resource still in use, another
 * tenant's dedicated pool. Answered with 409.
 */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
