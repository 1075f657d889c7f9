package io.outdial.app.pool;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.Pattern;

/**
 * A change to a pool; an absent field keeps its value.
 *
 * @param name   a new name
 * @param tenant dedicate the pool to this tenant (409 while other tenants' campaigns use it)
 * @param shared {@code true}: share the pool with every tenant again (not together with {@code tenant})
 */
public record UpdatePoolRequest(@Pattern(regexp = InputRules.NAME) String name,
                                @Pattern(regexp = InputRules.NAME) String tenant,
                                Boolean shared) {
}
