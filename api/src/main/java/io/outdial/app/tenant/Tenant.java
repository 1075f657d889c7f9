package io.outdial.app.tenant;

import java.time.Instant;

/**
 * A business unit: it owns campaigns and may have pools dedicated to it.
 *
 * @param id        its id
 * @param name      its unique name
 * @param createdAt when it was created
 */
public record Tenant(long id, String name, Instant createdAt) {
}
