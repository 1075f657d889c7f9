package io.outdial.app.account;

import io.outdial.app.campaign.InvalidRequestException;
import io.outdial.app.security.Caller;
import io.outdial.app.security.Role;
import io.outdial.app.tenant.TenantService;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The tenant a new user or API key belongs to. A tenant administrator's accounts belong to its own tenant
 * (naming another one is the same 400 as naming none that exists, so tenant names are not disclosed); a
 * platform administrator names any tenant, or none for another platform administrator (role ADMIN only).
 */
@Component
class AccountTenant {

    private final TenantService tenants;

    AccountTenant(TenantService tenants) {
        this.tenants = tenants;
    }

    /** The tenant's id, {@code null} for a platform account. */
    Long resolve(Caller caller, String tenantName, Role role) {
        if (!caller.platformAdmin()) {
            if (tenantName != null && !tenantName.equals(caller.tenantName())) {
                throw invalid("tenant", "no such tenant");
            }
            return caller.tenantId();
        }
        if (tenantName == null) {
            if (role != Role.ADMIN) {
                throw invalid("tenant", "required unless the role is ADMIN (a platform administrator)");
            }
            return null;
        }
        return tenants.idOf(tenantName, "tenant");
    }

    static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + ": " + message,
                List.of(new InvalidRequestException.FieldError(field, message)));
    }
}
