package io.outdial.app.pool;

import java.time.Instant;

/**
 * A group of FS nodes and lines that campaigns dial through.
 *
 * @param id        its id
 * @param name      its unique name
 * @param tenant    the name of the tenant it is dedicated to, or {@code null} when every tenant shares it
 * @param createdAt when it was created
 */
public record Pool(long id, String name, String tenant, Instant createdAt) {

    /** Whether a campaign of this tenant may use the pool: it is shared, or dedicated to that tenant. */
    public boolean usableBy(String tenantName) {
        return tenant == null || tenant.equals(tenantName);
    }
}
