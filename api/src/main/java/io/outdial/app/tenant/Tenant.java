package io.outdial.app.tenant;

import java.time.Instant;

/**
 * A business unit: it owns campaigns and may have pools dedicated to it.
 *
 * @param id        its id
 * @param name          its unique name
 * @param defaultRegion the region of its phone numbers written without a country code
 * @param createdAt     when it was created
 */
public record Tenant(long id, String name, String defaultRegion, Instant createdAt) {
}
