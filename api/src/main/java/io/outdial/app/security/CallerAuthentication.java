package io.outdial.app.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * An authenticated {@link Caller}: a person logged in (with the user's id, so each request can re-read the
 * user and see a role change or a disabled account at once) or a system with an API key.
 *
 * <p>Authorities: {@code ROLE_<role>}, and {@code PLATFORM_ADMIN} for a platform administrator.
 */
public final class CallerAuthentication extends AbstractAuthenticationToken {

    /** The authority of a platform administrator (role ADMIN without a tenant). */
    public static final String PLATFORM_ADMIN = "PLATFORM_ADMIN";

    private final Caller caller;
    private final Long userId;

    private CallerAuthentication(Caller caller, Long userId) {
        super(authorities(caller));
        this.caller = caller;
        this.userId = userId;
        setAuthenticated(true);
    }

    /** A person logged in with a password, kept in the HTTP session. */
    public static CallerAuthentication user(long userId, Caller caller) {
        return new CallerAuthentication(caller, userId);
    }

    /** A system authenticated by an API key, for this request only. */
    public static CallerAuthentication apiKey(Caller caller) {
        return new CallerAuthentication(caller, null);
    }

    public Caller caller() {
        return caller;
    }

    /** The user's id for a person logged in, {@code null} for an API key. */
    public Long userId() {
        return userId;
    }

    @Override
    public Object getPrincipal() {
        return caller;
    }

    /** Never the password or the key: they are not kept. */
    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return caller.name();
    }

    private static List<GrantedAuthority> authorities(Caller caller) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_" + caller.role().name()));
        if (caller.platformAdmin() && caller.role() == Role.ADMIN) {
            authorities.add(new SimpleGrantedAuthority(PLATFORM_ADMIN));
        }
        return authorities;
    }
}
