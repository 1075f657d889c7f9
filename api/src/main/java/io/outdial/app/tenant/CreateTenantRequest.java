package io.outdial.app.tenant;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * @param name          the tenant's unique name
 * @param defaultRegion the region (ISO 3166-1 alpha-2, e.g. {@code GB}) of the tenant's phone numbers written
 *                      without a country code; {@code US} when absent
 */
public record CreateTenantRequest(@NotNull @Pattern(regexp = InputRules.NAME) String name,
                                  @Pattern(regexp = "^[A-Z]{2}$", message = "must be an ISO 3166-1 alpha-2 code such as GB")
                                  String defaultRegion) {
}
