package io.outdial.app.account;

import io.outdial.app.security.Caller;
import io.outdial.app.security.Role;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users: people who log in. Passwords are bcrypt hashes and never logged. Only administrators manage
 * users, a tenant administrator those of its own tenant; another tenant's user is a 404.
 */
@Service
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);

    private final UserRepository users;
    private final AccountTenant accountTenant;
    private final PasswordEncoder passwords;
    /** Compared against when the user does not exist, so an unknown name takes as long as a wrong password. */
    private final String unknownUserHash;

    UserService(UserRepository users, AccountTenant accountTenant, PasswordEncoder passwords) {
        this.users = users;
        this.accountTenant = accountTenant;
        this.passwords = passwords;
        this.unknownUserHash = passwords.encode("no user has this password");
    }

    /** A logged-in user: its id (kept in the session) and who it is. */
    public record Login(long userId, Caller caller) {
    }

    /**
     * The user with this name and password, if it exists and is enabled. Unknown names, wrong passwords and
     * disabled users all answer empty, after the same bcrypt work.
     */
    public Optional<Login> authenticate(String username, String password) {
        if (username == null || password == null || password.getBytes(StandardCharsets.UTF_8).length > 72) {
            passwords.matches("", unknownUserHash);
            return Optional.empty();
        }
        Optional<UserRepository.Row> user = users.findByUsername(username);
        boolean matches = passwords.matches(password, user.map(UserRepository.Row::passwordHash).orElse(unknownUserHash));
        if (user.isEmpty() || !matches || !user.get().enabled()) {
            return Optional.empty();
        }
        return Optional.of(new Login(user.get().id(), caller(user.get())));
    }

    /** The user of a session as it is now; empty once disabled or deleted. */
    public Optional<Caller> currentCaller(long userId) {
        return users.find(userId).filter(UserRepository.Row::enabled).map(UserService::caller);
    }

    public User create(Caller caller, CreateUserRequest request) {
        caller.requireAdmin();
        Long tenantId = accountTenant.resolve(caller, request.tenant(), request.role());
        requirePasswordFits(request.password());
        long id;
        try {
            id = users.insert(request.username(), passwords.encode(request.password()), request.role(), tenantId);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A user named '" + request.username() + "' already exists");
        }
        log.info("{} created user {} '{}' ({}, tenant {})", caller.name(), id, request.username(), request.role(),
                tenantId == null ? "none: platform administrator" : tenantId);
        return get(caller, id);
    }

    public List<User> list(Caller caller) {
        caller.requireAdmin();
        return users.findAll(caller.tenantId()).stream().map(UserRepository.Row::view).toList();
    }

    public User get(Caller caller, long id) {
        return visible(caller, id).view();
    }

    /** Changes role, enabled and password; a platform administrator stays ADMIN (400 otherwise). */
    public User update(Caller caller, long id, UpdateUserRequest request) {
        UserRepository.Row user = visible(caller, id);
        if (request.role() != null && user.tenantId() == null && request.role() != Role.ADMIN) {
            throw AccountTenant.invalid("role", "a platform administrator's role is ADMIN");
        }
        String hash = null;
        if (request.password() != null) {
            requirePasswordFits(request.password());
            hash = passwords.encode(request.password());
        }
        users.update(id, request.role(), request.enabled(), hash);
        log.info("{} changed user {}: {}", caller.name(), id, request);
        return get(caller, id);
    }

    /** Disables the user: it can no longer log in, and its sessions end at their next request. */
    public void disable(Caller caller, long id) {
        visible(caller, id);
        users.update(id, null, false, null);
        log.info("{} disabled user {}", caller.name(), id);
    }

    /** Makes sure the platform administrator {@code admin} exists with this password (bootstrap). */
    void bootstrapAdmin(String username, String password) {
        Optional<UserRepository.Row> existing = users.findByUsername(username);
        if (existing.isPresent() && existing.get().tenantId() == null && existing.get().enabled()
                && passwords.matches(password, existing.get().passwordHash())) {
            return;
        }
        users.upsertPlatformAdmin(username, passwords.encode(password));
        log.info("Bootstrap: platform administrator '{}' is set up with the configured password", username);
    }

    private UserRepository.Row visible(Caller caller, long id) {
        caller.requireAdmin();
        UserRepository.Row user = users.find(id).orElseThrow(() -> new NotFoundException("user", id));
        if (user.tenantId() == null ? !caller.platformAdmin() : !caller.sees(user.tenantId())) {
            throw new NotFoundException("user", id);
        }
        return user;
    }

    private static void requirePasswordFits(String password) {
        if (password.getBytes(StandardCharsets.UTF_8).length > UserRules.MAX_PASSWORD_BYTES) {
            throw AccountTenant.invalid("password", "at most 72 bytes in UTF-8");
        }
    }

    private static Caller caller(UserRepository.Row user) {
        return new Caller(user.username(), user.role(), user.tenantId(), user.tenant());
    }
}
