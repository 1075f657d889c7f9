package io.outdial.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ProblemDetail;

/** Database constraint violations as problem details, without the database's own message. */
class ProblemDetailsAdviceTest {

    private final ProblemDetailsAdvice advice = new ProblemDetailsAdvice();

    @Test
    void theTenantIsolationTriggerIsA409NamingTheRule() {
        ProblemDetail problem = advice.constraintViolated(violation("23514", "campaign_pool_tenant",
                "pool 7 is dedicated to another tenant"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getType()).hasToString("urn:outdial:problem:pool-tenant");
        assertThat(problem.getTitle()).isEqualTo("Pool belongs to another tenant");
    }

    @Test
    void aUniqueViolationIsA409ThatDoesNotQuoteTheStoredValue() {
        ProblemDetail problem = advice.constraintViolated(violation("23505", "lines_pkey",
                "duplicate key value violates unique constraint, Key (id)=(secret-value) already exists"));

        assertThat(problem.getStatus()).isEqualTo(409);
        assertThat(problem.getDetail()).doesNotContain("secret-value");
    }

    @Test
    void aForeignKeyViolationIsA409() {
        assertThat(advice.constraintViolated(violation("23503", "lines_pool_id_fkey", "in use")).getStatus())
                .isEqualTo(409);
    }

    @Test
    void anyOtherCheckIsA400() {
        assertThat(advice.constraintViolated(violation("23514", "lines_gateway_check", "bad")).getStatus())
                .isEqualTo(400);
    }

    private static DataIntegrityViolationException violation(String sqlState, String constraint, String message) {
        // the fields of a PostgreSQL ErrorResponse: S severity, C SQL state, M message, n constraint
        ServerErrorMessage server = new ServerErrorMessage(
                "SERROR\0C" + sqlState + "\0M" + message + "\0n" + constraint + "\0");
        return new DataIntegrityViolationException("statement failed", new PSQLException(server));
    }
}
