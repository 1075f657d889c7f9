package io.outdial.app.account;

import io.outdial.app.security.Caller;
import io.outdial.app.security.SecurityProperties;
import io.outdial.app.web.NotFoundException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * API keys: systems authenticate with them. A key is looked up by its prefix and compared by its SHA-256
 * in constant time on every request, so a revoked key stops working at once. Keys are never logged.
 */
@Service
public class ApiKeyService {

    private static final Logger log = LoggerFactory.getLogger(ApiKeyService.class);
    private static final String NO_KEY_HASH = ApiKeyFormat.hash("od_nokeyhas_thisvaluebecauseitisnotrandomatall0");

    private final ApiKeyRepository keys;
    private final AccountTenant accountTenant;
    private final SecureRandom random = new SecureRandom();
    private final Duration lastUsedResolution;
    private final Clock clock;

    ApiKeyService(ApiKeyRepository keys, AccountTenant accountTenant, SecurityProperties properties, Clock clock) {
        this.keys = keys;
        this.accountTenant = accountTenant;
        this.lastUsedResolution = properties.lastUsedResolution();
        this.clock = clock;
    }

    /** Who this key belongs to, if it is a valid, unrevoked key. */
    public Optional<Caller> authenticate(String key) {
        Optional<String> prefix = ApiKeyFormat.prefixOf(key);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        Optional<ApiKeyRepository.Row> row = keys.findByPrefix(prefix.get());
        boolean matches = ApiKeyFormat.sameHash(ApiKeyFormat.hash(key),
                row.map(ApiKeyRepository.Row::keyHash).orElse(NO_KEY_HASH));
        if (row.isEmpty() || !matches || row.get().revokedAt() != null) {
            return Optional.empty();
        }
        ApiKeyRepository.Row found = row.get();
        if (found.lastUsedAt() == null || found.lastUsedAt().isBefore(clock.instant().minus(lastUsedResolution))) {
            keys.touch(found.id(), lastUsedResolution);
        }
        return Optional.of(new Caller("key:" + found.prefix(), found.role(), found.tenantId(), found.tenant()));
    }

    /** Creates a key and returns it, the only time it is shown. */
    public CreatedApiKey create(Caller caller, CreateApiKeyRequest request) {
        caller.requireAdmin();
        Long tenantId = accountTenant.resolve(caller, request.tenant(), request.role());
        for (int tries = 0; ; tries++) {
            String key = ApiKeyFormat.generate(random);
            String prefix = ApiKeyFormat.prefixOf(key).orElseThrow();
            try {
                long id = keys.insert(prefix, ApiKeyFormat.hash(key), request.name(), request.role(), tenantId);
                log.info("{} created API key {} ({}, {}, tenant {})", caller.name(), prefix, request.name(),
                        request.role(), tenantId == null ? "none: platform administrator" : tenantId);
                ApiKey created = get(caller, id);
                return new CreatedApiKey(id, key, prefix, created.name(), created.role(), created.tenant(),
                        created.createdAt());
            } catch (DuplicateKeyException e) {
                if (tries == 3) {
                    throw e;
                }
                // 36^8 prefixes: a collision is rare, and another draw fixes it
            }
        }
    }

    public List<ApiKey> list(Caller caller) {
        caller.requireAdmin();
        return keys.findAll(caller.tenantId()).stream().map(ApiKeyRepository.Row::view).toList();
    }

    public ApiKey get(Caller caller, long id) {
        return visible(caller, id).view();
    }

    /** Revokes the key: the next request with it is a 401. Revoking a revoked key changes nothing. */
    public ApiKey revoke(Caller caller, long id) {
        ApiKeyRepository.Row key = visible(caller, id);
        if (keys.revoke(id)) {
            log.info("{} revoked API key {}", caller.name(), key.prefix());
        }
        return get(caller, id);
    }

    /** Makes sure this key exists, unrevoked, as a platform administrator's key (bootstrap). */
    void bootstrapKey(String key) {
        String prefix = ApiKeyFormat.prefixOf(key).orElseThrow(() -> new IllegalArgumentException(
                "outdial.security.bootstrap.api-key is not of the form od_<8 of a-z0-9>_<32+ of A-Za-z0-9>"));
        keys.upsertPlatformKey(prefix, ApiKeyFormat.hash(key), "bootstrap");
        log.info("Bootstrap: platform administrator API key {} is set up", prefix);
    }

    private ApiKeyRepository.Row visible(Caller caller, long id) {
        caller.requireAdmin();
        ApiKeyRepository.Row key = keys.find(id).orElseThrow(() -> new NotFoundException("API key", id));
        if (key.tenantId() == null ? !caller.platformAdmin() : !caller.sees(key.tenantId())) {
            throw new NotFoundException("API key", id);
        }
        return key;
    }
}
