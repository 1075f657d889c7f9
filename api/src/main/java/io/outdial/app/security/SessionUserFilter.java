package io.outdial.app.security;

import io.outdial.app.account.UserService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Re-reads the user of a session on every request, so a role change takes effect and a disabled (or
 * deleted) user is logged out at once, not when the session expires.
 */
final class SessionUserFilter extends OncePerRequestFilter {

    private final UserService users;

    SessionUserFilter(UserService users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof CallerAuthentication session && session.userId() != null) {
            Optional<Caller> current = users.currentCaller(session.userId());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (current.isPresent()) {
                context.setAuthentication(CallerAuthentication.user(session.userId(), current.get()));
            } else {
                HttpSession httpSession = request.getSession(false);
                if (httpSession != null) {
                    httpSession.invalidate();
                }
            }
            SecurityContextHolder.setContext(context);
        }
        chain.doFilter(request, response);
    }
}
