package io.outdial.app.security;

import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;

/**
 * Who is making a request: a person logged in or a system with an API key. Controllers take it as a
 * parameter ({@link CallerArgumentResolver}) and hand it to services, which scope every read and write
 * to the caller's tenant.
 *
 * @param name       the user name, or {@code key:<prefix>} for an API key (never the key itself)
 * @param role       what the caller may do
 * @param tenantId   the caller's tenant; {@code null} for a platform administrator, who sees every tenant
 * @param tenantName the tenant's name; {@code null} for a platform administrator
 */
public record Caller(String name, Role role, Long tenantId, String tenantName) {

    /** A platform administrator: role ADMIN and no tenant. */
    public static Caller platformAdmin(String name) {
        return new Caller(name, Role.ADMIN, null, null);
    }

    /** Whether this caller sees every tenant. */
    public boolean platformAdmin() {
        return tenantId == null;
    }

    /** Whether a resource of this tenant is visible to this caller. */
    public boolean sees(long resourceTenantId) {
        return tenantId == null || tenantId == resourceTenantId;
    }

    /**
     * Throws a 404 (never a 403: another tenant's ids are not disclosed) unless a resource of this tenant is
     * visible to the caller.
     *
     * @param what what was asked for, e.g. {@code "Campaign 42"}
     */
    public void requireVisible(long resourceTenantId, String what) {
        if (!sees(resourceTenantId)) {
            throw new ApiProblem(ProblemType.NOT_FOUND, what + " not found");
        }
    }

    /** Throws a 403 unless the caller's role may create and steer campaigns. */
    public void requireCampaignManager() {
        if (!role.mayManageCampaigns()) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Role " + role + " may not change campaigns or tasks");
        }
    }

    /** Throws a 403 unless the caller is an administrator (of its tenant, or of the platform). */
    public void requireAdmin() {
        if (role != Role.ADMIN) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only an administrator may do this");
        }
    }

    /** Throws a 403 unless the caller is a platform administrator. */
    public void requirePlatformAdmin() {
        if (!platformAdmin() || role != Role.ADMIN) {
            throw new ApiProblem(ProblemType.FORBIDDEN, "Only a platform administrator may do this");
        }
    }
}
