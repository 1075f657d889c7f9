package io.outdial.app.tenant;

import io.outdial.activities.tasks.PhoneNumberNormaliser;
import io.outdial.app.campaign.InvalidRequestException;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Tenants in PostgreSQL. */
@Service
public class TenantService {

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);
    private static final String SELECT = "select id, name, default_region, created_at from tenants";

    private static final String DEFAULT_REGION = "US";

    private final JdbcClient jdbc;
    private final PhoneNumberNormaliser phoneNumbers;

    TenantService(JdbcClient jdbc, PhoneNumberNormaliser phoneNumbers) {
        this.jdbc = jdbc;
        this.phoneNumbers = phoneNumbers;
    }

    /** Creates a tenant; 400 for a region libphonenumber does not know, 409 when the name is taken. */
    public Tenant create(Caller caller, CreateTenantRequest request) {
        caller.requirePlatformAdmin();
        String region = request.defaultRegion() == null ? DEFAULT_REGION : request.defaultRegion();
        if (!phoneNumbers.supportsRegion(region)) {
            throw new InvalidRequestException("defaultRegion: not a region with a phone numbering plan",
                    List.of(new InvalidRequestException.FieldError("defaultRegion",
                            "not a region with a phone numbering plan")));
        }
        try {
            long id = jdbc.sql("insert into tenants (name, default_region) values (?, ?) returning id")
                    .params(request.name(), region)
                    .query(Long.class).single();
            log.info("Created tenant {} '{}'", id, request.name());
            return find(id);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A tenant named '" + request.name() + "' already exists");
        }
    }

    /** Every tenant for a platform administrator; a tenant's caller sees only its own. */
    public List<Tenant> list(Caller caller) {
        return jdbc.sql(SELECT + " where cast(:tenant as bigint) is null or id = :tenant order by id")
                .param("tenant", caller.tenantId()).query(TenantService::row).list();
    }

    /** The tenant; another tenant is the same 404 as a missing one. */
    public Tenant get(Caller caller, long id) {
        if (!caller.sees(id)) {
            throw new NotFoundException("tenant", id);
        }
        return find(id);
    }

    private Tenant find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query(TenantService::row).optional()
                .orElseThrow(() -> new NotFoundException("tenant", id));
    }

    /**
     * The id of the tenant of this name, for a request that names it.
     *
     * @param field the request field that named it, for the 400 problem detail
     */
    public long idOf(String name, String field) {
        return jdbc.sql("select id from tenants where name = ?").param(name).query(Long.class).optional()
                .orElseThrow(() -> new InvalidRequestException(field + ": no such tenant",
                        List.of(new InvalidRequestException.FieldError(field, "no such tenant"))));
    }

    private static Tenant row(ResultSet rs, int rowNum) throws SQLException {
        return new Tenant(rs.getLong("id"), rs.getString("name"), rs.getString("default_region"),
                rs.getTimestamp("created_at").toInstant());
    }
}
