package io.outdial.app.web;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Which PostgreSQL constraint a failed statement broke, read from the driver's error fields.
 *
 * @param sqlState   the SQL state, e.g. {@value #UNIQUE}; empty when unknown
 * @param constraint the constraint's (or trigger-raised) name; empty when unknown
 */
record ConstraintViolation(String sqlState, String constraint) {

    static final String UNIQUE = "23505";
    static final String FOREIGN_KEY = "23503";
    static final String CHECK = "23514";

    static ConstraintViolation of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                String constraint = server == null || server.getConstraint() == null ? "" : server.getConstraint();
                return new ConstraintViolation(nonNull(psql.getSQLState()), constraint);
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return new ConstraintViolation(sql.getSQLState(), "");
            }
        }
        return new ConstraintViolation("", "");
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
