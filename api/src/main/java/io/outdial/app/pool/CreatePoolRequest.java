package io.outdial.app.pool;

import io.outdial.app.web.InputRules;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A new pool.
 *
 * @param name   its unique name
 * @param tenant the tenant it is dedicated to; absent: shared by every tenant
 */
public record CreatePoolRequest(@NotNull @Pattern(regexp = InputRules.NAME) String name,
                                @Pattern(regexp = InputRules.NAME) String tenant) {
}
