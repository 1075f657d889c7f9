package io.outdial.app.account;

import io.outdial.app.security.Role;
import jakarta.validation.constraints.Size;

/**
 * A change to a user; a {@code null} keeps the value.
 *
 * @param role     the new role (a platform administrator stays ADMIN)
 * @param enabled  whether the user may log in; {@code false} also ends the user's sessions at their next request
 * @param password a new password, as for a new user
 */
public record UpdateUserRequest(Role role, Boolean enabled,
                                @Size(min = UserRules.MIN_PASSWORD, max = UserRules.MAX_PASSWORD_BYTES) String password) {

    /** Never the password. */
    @Override
    public String toString() {
        return "UpdateUserRequest[role=" + role + ", enabled=" + enabled + ", password="
                + (password == null ? "kept" : "changed") + "]";
    }
}
