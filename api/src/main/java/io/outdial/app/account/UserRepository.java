package io.outdial.app.account;

import io.outdial.app.security.Role;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users in PostgreSQL. */
@Repository
class UserRepository {

    private static final String SELECT = """
            select u.id, u.username, u.password_hash, u.role, u.tenant_id, t.name as tenant, u.enabled, u.created_at
            from users u left join tenants t on t.id = u.tenant_id""";

    /** A user's row, password hash included: it never leaves the account package. */
    record Row(long id, String username, String passwordHash, Role role, Long tenantId, String tenant,
               boolean enabled, java.time.Instant createdAt) {

        User view() {
            return new User(id, username, role, tenant, enabled, createdAt);
        }

        @Override
        public String toString() {
            return "User[" + id + ", " + username + "]";
        }
    }

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String username, String passwordHash, Role role, Long tenantId) {
        return jdbc.sql("insert into users (username, password_hash, role, tenant_id) values (?, ?, ?, ?) returning id")
                .params(username, passwordHash, role.name(), tenantId).query(Long.class).single();
    }

    Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where u.id = ?").param(id).query(UserRepository::row).optional();
    }

    Optional<Row> findByUsername(String username) {
        return jdbc.sql(SELECT + " where u.username = ?").param(username).query(UserRepository::row).optional();
    }

    /** The tenant's users, or every user for {@code null}. */
    List<Row> findAll(Long tenantId) {
        return jdbc.sql(SELECT + " where (cast(:tenant as bigint) is null or u.tenant_id = :tenant) order by u.id")
                .param("tenant", tenantId).query(UserRepository::row).list();
    }

    /** Changes role, enabled and password hash; a {@code null} keeps the value. */
    void update(long id, Role role, Boolean enabled, String passwordHash) {
        jdbc.sql("""
                        update users set role = coalesce(:role, role), enabled = coalesce(:enabled, enabled),
                               password_hash = coalesce(:hash, password_hash)
                        where id = :id""")
                .param("role", role == null ? null : role.name()).param("enabled", enabled)
                .param("hash", passwordHash).param("id", id)
                .update();
    }

    /** Makes sure a platform administrator of this name exists, enabled, with this password hash. */
    void upsertPlatformAdmin(String username, String passwordHash) {
        jdbc.sql("""
                        insert into users (username, password_hash, role, tenant_id) values (?, ?, 'ADMIN', null)
                        on conflict (username) do update
                        set password_hash = excluded.password_hash, role = 'ADMIN', tenant_id = null, enabled = true""")
                .params(username, passwordHash).update();
    }

    private static Row row(ResultSet rs, int rowNum) throws SQLException {
        long tenantId = rs.getLong("tenant_id");
        return new Row(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.wasNull() ? null : tenantId, rs.getString("tenant"),
                rs.getBoolean("enabled"), rs.getTimestamp("created_at").toInstant());
    }
}
