package io.outdial.app.account;

import io.outdial.app.security.SecurityProperties;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Makes sure the first platform administrator exists at start, when configured
 * ({@code outdial.security.bootstrap.admin-password} and {@code .api-key}): user {@code admin} with that
 * password, and that API key. Nothing happens when they are not set (production creates its first
 * administrator this way once, then removes the settings; see docs/security.md). Runs before the web
 * server starts, so no request comes before the accounts exist.
 */
@Component
class AccountBootstrap implements SmartInitializingSingleton {

    static final String ADMIN = "admin";

    private final SecurityProperties properties;
    private final UserService users;
    private final ApiKeyService keys;

    AccountBootstrap(SecurityProperties properties, UserService users, ApiKeyService keys) {
        this.properties = properties;
        this.users = users;
        this.keys = keys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        SecurityProperties.Bootstrap bootstrap = properties.bootstrap();
        if (bootstrap.adminPassword() != null && !bootstrap.adminPassword().isBlank()) {
            users.bootstrapAdmin(ADMIN, bootstrap.adminPassword());
        }
        if (bootstrap.apiKey() != null && !bootstrap.apiKey().isBlank()) {
            keys.bootstrapKey(bootstrap.apiKey().strip());
        }
    }
}
