package io.outdial.app.pool;

import io.outdial.app.campaign.InvalidRequestException;
import io.outdial.app.security.Caller;
import io.outdial.app.tenant.TenantService;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Pools in PostgreSQL. Whether a pool is dedicated is checked here and, for campaigns, by the
 * database's triggers as well (V2), so no code path can put a campaign on another tenant's pool.
 */
@Service
public class PoolService {

    private static final Logger log = LoggerFactory.getLogger(PoolService.class);
    private static final String SELECT = """
            select p.id, p.name, t.name as tenant, p.created_at
            from pools p left join tenants t on t.id = p.tenant_id""";
    /** Shared pools and those dedicated to the caller's tenant; every pool for a platform administrator. */
    private static final String VISIBLE = " (cast(:tenant as bigint) is null or p.tenant_id is null or p.tenant_id = :tenant)";

    private final JdbcClient jdbc;
    private final TenantService tenants;

    PoolService(JdbcClient jdbc, TenantService tenants) {
        this.jdbc = jdbc;
        this.tenants = tenants;
    }

    /** Creates a pool, dedicated to {@code tenant} when given; 409 when the name is taken. */
    public Pool create(Caller caller, CreatePoolRequest request) {
        caller.requirePlatformAdmin();
        Long tenantId = request.tenant() == null ? null : tenants.idOf(request.tenant(), "tenant");
        try {
            long id = jdbc.sql("insert into pools (name, tenant_id) values (?, ?) returning id")
                    .params(request.name(), tenantId).query(Long.class).single();
            log.info("Created pool {} '{}' ({})", id, request.name(),
                    tenantId == null ? "shared" : "dedicated to tenant " + tenantId);
            return find(id);
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
    }

    /** The pools the caller's campaigns may use: shared ones and its tenant's own (all for a platform admin). */
    public List<Pool> list(Caller caller) {
        return jdbc.sql(SELECT + " where" + VISIBLE + " order by p.id").param("tenant", caller.tenantId())
                .query(PoolService::row).list();
    }

    /** The names of the pools the caller sees, to scope FS nodes and lines. */
    public Set<String> visibleNames(Caller caller) {
        return list(caller).stream().map(Pool::name).collect(Collectors.toSet());
    }

    /** The pool; another tenant's dedicated pool is the same 404 as a missing one. */
    public Pool get(Caller caller, long id) {
        return jdbc.sql(SELECT + " where p.id = :id and" + VISIBLE).param("id", id).param("tenant", caller.tenantId())
                .query(PoolService::row).optional()
                .orElseThrow(() -> new NotFoundException("pool", id));
    }

    private Pool find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(PoolService::row).optional()
                .orElseThrow(() -> new NotFoundException("pool", id));
    }

    /**
     * The pool of this name, for a request that names it.
     *
     * @param field the request field that named it, for the 400 problem detail
     */
    public Pool byName(String name, String field) {
        return jdbc.sql(SELECT + " where p.name = ?").param(name).query(PoolService::row).optional()
                .orElseThrow(() -> new InvalidRequestException(field + ": no such pool",
                        List.of(new InvalidRequestException.FieldError(field, "no such pool"))));
    }

    /**
     * Renames a pool, dedicates it to a tenant or shares it again. Dedicating it while another tenant's
     * unfinished campaigns use it is a 409 (the database's {@code pool_tenant_campaigns} trigger).
     */
    public Pool update(Caller caller, long id, UpdatePoolRequest request) {
        caller.requirePlatformAdmin();
        find(id);
        boolean share = Boolean.TRUE.equals(request.shared());
        if (share && request.tenant() != null) {
            throw new InvalidRequestException("shared: not together with tenant", List.of(
                    new InvalidRequestException.FieldError("shared", "a pool is either shared or dedicated to a tenant")));
        }
        Long tenantId = request.tenant() == null ? null : tenants.idOf(request.tenant(), "tenant");
        try {
            jdbc.sql("""
                            update pools set name = coalesce(:name, name),
                                tenant_id = case when :share then null else coalesce(:tenant, tenant_id) end
                            where id = :id""")
                    .param("name", request.name()).param("share", share).param("tenant", tenantId).param("id", id)
                    .update();
        } catch (DuplicateKeyException e) {
            throw duplicateName(request.name());
        }
        log.info("Updated pool {}", id);
        return find(id);
    }

    /** Deletes a pool that nothing uses; 409 while campaigns, FS nodes or lines refer to it. */
    public void delete(Caller caller, long id) {
        caller.requirePlatformAdmin();
        find(id);
        long users = jdbc.sql("""
                        select (select count(*) from campaigns where pool_id = :id)
                             + (select count(*) from fs_nodes where pool_id = :id)
                             + (select count(*) from lines where pool_id = :id)""")
                .param("id", id).query(Long.class).single();
        if (users > 0) {
            throw new ConflictException("Pool " + id + " is in use by " + users
                    + " campaign(s), FS node(s) or line(s); move or delete them first");
        }
        // a concurrent insert still fails on the foreign keys, answered with 409 as well
        jdbc.sql("delete from pools where id = ?").param(id).update();
        log.info("Deleted pool {}", id);
    }

    private static ConflictException duplicateName(String name) {
        return new ConflictException("A pool named '" + name + "' already exists");
    }

    private static Pool row(ResultSet rs, int rowNum) throws SQLException {
        return new Pool(rs.getLong("id"), rs.getString("name"), rs.getString("tenant"),
                rs.getTimestamp("created_at").toInstant());
    }
}
