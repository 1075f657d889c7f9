package io.outdial.app.security;

/**
 * What a person or system may do, always within its tenant (a platform administrator has no tenant and
 * sees every tenant).
 *
 * <ul>
 *   <li>{@link #ADMIN}: everything a manager may, plus the tenant's users and API keys; without a tenant,
 *       also tenants, pools, FS nodes and lines.</li>
 *   <li>{@link #MANAGER}: creates and steers campaigns, uploads tasks.</li>
 *   <li>{@link #VIEWER}: reads campaigns, stats and calls, with phone numbers masked.</li>
 *   <li>{@link #SUPPORT}: reads campaigns and calls in full (numbers, attempts, Temporal history) to
 *       audit a call; changes nothing.</li>
 * </ul>
 */
public enum Role {
    ADMIN, MANAGER, VIEWER, SUPPORT;

    /** Whether this role may change campaigns and their tasks. */
    public boolean mayManageCampaigns() {
        return this == ADMIN || this == MANAGER;
    }

    /** Whether this role sees full phone numbers (the others see them masked). */
    public boolean seesPhoneNumbers() {
        return this != VIEWER;
    }
}
