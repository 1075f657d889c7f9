package io.outdial.app.dev;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** An embedded PostgreSQL with the schema migrated, persistent under the dev data directory or thrown away. */
final class DevDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private DevDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL, in {@code <dataDir>/postgres} when persistent, and migrates it. */
    static DevDatabase start(Path dataDir, boolean persistent) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (persistent) {
            Path dir = dataDir.toAbsolutePath().resolve("postgres");
            Files.createDirectories(dir);
            builder.setDataDirectory(dir).setCleanDataDirectory(false);
        }
        DevDatabase database = new DevDatabase(builder.start());
        Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration")
                .load()
                .migrate();
        return database;
    }

    DataSource dataSource() {
        return postgres.getDatabase(USER, DATABASE);
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
