package io.outdial.app.account;

import io.outdial.app.security.Role;
import java.time.Instant;

/**
 * A person who logs in. The password is write-only: never returned.
 *
 * @param id        its id
 * @param username  the login name
 * @param role      what the user may do
 * @param tenant    the user's tenant's name; {@code null} for a platform administrator
 * @param enabled   whether the user may log in
 * @param createdAt when it was created
 */
public record User(long id, String username, Role role, String tenant, boolean enabled, Instant createdAt) {
}
