package io.outdial.app.account;

import io.outdial.app.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** API keys in PostgreSQL: their prefix and the SHA-256 of the key, never the key. */
@Repository
class ApiKeyRepository {

    private static final String SELECT = """
            select k.id, k.prefix, k.key_hash, k.name, k.role, k.tenant_id, t.name as tenant, k.created_at,
                   k.last_used_at, k.revoked_at
            from api_keys k left join tenants t on t.id = k.tenant_id""";

    /** A key's row, hash included: it never leaves the account package. */
    record Row(long id, String prefix, String keyHash, String name, Role role, Long tenantId, String tenant,
               Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

        ApiKey view() {
            return new ApiKey(id, prefix, name, role, tenant, createdAt, lastUsedAt, revokedAt);
        }

        @Override
        public String toString() {
            return "ApiKey[" + id + ", " + prefix + "]";
        }
    }

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String prefix, String keyHash, String name, Role role, Long tenantId) {
        return jdbc.sql("""
                        insert into api_keys (prefix, key_hash, name, role, tenant_id) values (?, ?, ?, ?, ?)
                        returning id""")
                .params(prefix, keyHash, name, role.name(), tenantId).query(Long.class).single();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where k.id = ?").param(id).query(ApiKeyRepository::row).optional();
    }

    Optional<Row> findByPrefix(String prefix) {
        return jdbc.sql(SELECT + " where k.prefix = ?").param(prefix).query(ApiKeyRepository::row).optional();
    }

    /** The tenant's keys, or every key for {@code null}. */
    List<Row> findAll(Long tenantId) {
        return jdbc.sql(SELECT + " where (cast(:tenant as bigint) is null or k.tenant_id = :tenant) order by k.id")
                .param("tenant", tenantId).query(ApiKeyRepository::row).list();
    }

    /** Revokes the key unless it is revoked already; whether this call revoked it. */
    boolean revoke(long id) {
        return jdbc.sql("update api_keys set revoked_at = now() where id = ? and revoked_at is null")
                .param(id).update() == 1;
    }

    /** Records a use, unless one was recorded less than {@code resolution} ago (by this or another app node). */
    void touch(long id, Duration resolution) {
        jdbc.sql("""
                        update api_keys set last_used_at = now()
                        where id = ? and (last_used_at is null or last_used_at < now() - make_interval(secs => ?))""")
                .params(id, resolution.toMillis() / 1000.0).update();
    }

    /** Makes sure a platform administrator's key with this prefix and hash exists and is not revoked. */
    void upsertPlatformKey(String prefix, String keyHash, String name) {
        jdbc.sql("""
                        insert into api_keys (prefix, key_hash, name, role, tenant_id) values (?, ?, ?, 'ADMIN', null)
                        on conflict (prefix) do update
                        set key_hash = excluded.key_hash, role = 'ADMIN', tenant_id = null, revoked_at = null""")
                .params(prefix, keyHash, name).update();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        long tenantId = rs.getLong("tenant_id");
        Long tenant = rs.wasNull() ? null : tenantId;
        return new Row(rs.getLong("id"), rs.getString("prefix"), rs.getString("key_hash"), rs.getString("name"),
                Role.valueOf(rs.getString("role")), tenant, rs.getString("tenant"),
                rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
