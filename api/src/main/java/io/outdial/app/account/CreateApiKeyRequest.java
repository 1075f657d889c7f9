package io.outdial.app.account;

import io.outdial.app.security.Role;
import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new API key.
 *
 * @param name   what it is for, e.g. {@code crm-sync}
 * @param role   what a system with it may do
 * @param tenant its tenant's name: a tenant administrator may leave it out or name its own tenant; a
 *               platform administrator names any tenant, or leaves it out for a platform key (role ADMIN only)
 */
public record CreateApiKeyRequest(@NotNull @Pattern(regexp = InputRules.NAME) String name,
                                  @NotNull Role role,
                                  @Pattern(regexp = InputRules.NAME) String tenant) {
}
