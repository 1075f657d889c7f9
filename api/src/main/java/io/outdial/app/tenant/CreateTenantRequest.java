package io.outdial.app.tenant;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** @param name the tenant's unique name */
public record CreateTenantRequest(@NotNull @Pattern(regexp = InputRules.NAME) String name) {
}
