package io.outdial.app.account;

import io.outdial.app.security.Role;
import java.time.Instant;

/**
 * An API key as listed: never the key itself, which only its create response shows.
 *
 * @param id         its id
 * @param prefix     the 8 characters after {@code od_}, to tell keys apart
 * @param name       what it is for
 * @param role       what a system with it may do
 * @param tenant     its tenant's name; {@code null} for a platform administrator's key
 * @param createdAt  when it was created
 * @param lastUsedAt when it last authenticated a request (to the minute), or {@code null}
 * @param revokedAt  when it was revoked, or {@code null} while it works
 */
public record ApiKey(long id, String prefix, String name, Role role, String tenant, Instant createdAt,
                     Instant lastUsedAt, Instant revokedAt) {
}
