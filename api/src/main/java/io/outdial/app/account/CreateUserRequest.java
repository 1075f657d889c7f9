package io.outdial.app.account;

import io.outdial.app.security.Role;
import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new user.
 *
 * @param username the login name: 3 to 64 of {@code a-z 0-9 . _ -}, starting with a letter or digit
 * @param password at least 12 characters, at most 72 bytes in UTF-8 (bcrypt reads no further)
 * @param role     what the user may do
 * @param tenant   the user's tenant's name: a tenant administrator may leave it out or name its own tenant;
 *                 a platform administrator names any tenant, or leaves it out for a platform administrator
 *                 (role ADMIN only)
 */
public record CreateUserRequest(@NotNull @Pattern(regexp = UserRules.USERNAME) String username,
                                @NotNull @Size(min = UserRules.MIN_PASSWORD, max = UserRules.MAX_PASSWORD_BYTES) String password,
                                @NotNull Role role,
                                @Pattern(regexp = InputRules.NAME) String tenant) {

    /** Never the password. */
    @Override
    public String toString() {
        return "CreateUserRequest[username=" + username + ", role=" + role + ", tenant=" + tenant + "]";
    }
}
