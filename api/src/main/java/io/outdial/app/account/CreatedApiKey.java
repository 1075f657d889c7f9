package io.outdial.app.account;

import io.outdial.app.security.Role;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;

/**
 * A new API key: the only time the key itself is shown. Store it now; it cannot be read again.
 *
 * @param id        its id
 * @param key       the key, {@code od_<prefix>_<secret>}, sent as {@code X-API-Key} or {@code Authorization: Bearer}
 * @param prefix    its prefix
 * @param name      what it is for
 * @param role      what a system with it may do
 * @param tenant    its tenant's name; {@code null} for a platform administrator's key
 * @param createdAt when it was created
 */
public record CreatedApiKey(long id,
                            @Schema(description = "The key itself, shown only in this response",
                                    example = "od_k3x9a0qz_Q2l5cVBnT3ZzR0t2dHRmVnVXc0hLbE1mYkRqZ0tJ")
                            String key,
                            String prefix, String name, Role role, String tenant, Instant createdAt) {
}
