package io.outdial.app.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Authentication settings ({@code outdial.security.*}).
 *
 * @param bootstrap          the first platform administrator, made sure of at start when set
 * @param bcryptStrength     the bcrypt cost of password hashes (log2 rounds); 12 takes ~0.25 s per login
 * @param lastUsedResolution how often, at most, an API key's {@code last_used_at} is written
 */
@ConfigurationProperties("outdial.security")
public record SecurityProperties(@DefaultValue Bootstrap bootstrap,
                                 @DefaultValue("12") int bcryptStrength,
                                 @DefaultValue("1m") Duration lastUsedResolution) {

    /**
     * The platform administrator made sure of at start (environment
     * {@code OUTDIAL_SECURITY_BOOTSTRAP_ADMIN_PASSWORD} and {@code OUTDIAL_SECURITY_BOOTSTRAP_API_KEY}).
     *
     * @param adminPassword when set, user {@code admin} exists, is a platform administrator and has this password
     * @param apiKey        when set, this API key exists, unrevoked, as a platform administrator's key
     */
    public record Bootstrap(String adminPassword, String apiKey) {
    }
}
