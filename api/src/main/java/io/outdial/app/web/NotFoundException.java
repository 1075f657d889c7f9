package io.outdial.app.web;

/** There is no resource (tenant, pool, FS node, line) with this id; answered with 404. */
public class NotFoundException extends RuntimeException {

    /**
     * @param kind what was looked for, e.g. {@code FS node}
     * @param id   the id asked for
     */
    public NotFoundException(String kind, Object id) {
        super("No " + kind + " " + id);
    }
}
