package io.outdial.app.security;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import io.outdial.app.account.ApiKeyService;
import io.outdial.app.account.UserService;
import io.outdial.app.web.ProblemType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * Who may call what. People log in ({@code POST /api/v1/auth/login}) and are remembered by an HTTP session;
 * systems send an API key on every request and get no session. Roles are checked here per path and method;
 * tenants are checked by the services with the {@link Caller} (another tenant's resource is a 404).
 *
 * <p>CSRF protection is off on purpose: the session cookie is {@code SameSite=Strict} (a browser never
 * sends it on a request started by another site), and the API reads only JSON bodies (a cross-site HTML
 * form cannot send {@code application/json} without a CORS preflight, which this app never approves).
 * API keys are headers, which a browser never adds on its own. See docs/security.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final String[] OPEN = {
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html",
            "/actuator/health", "/actuator/health/**", "/error"};
    /** Resources of the platform: every tenant reads what it may use, only a platform admin changes them. */
    private static final String[] PLATFORM = {
            "/api/v1/tenants/**", "/api/v1/pools/**", "/api/v1/fs-nodes/**", "/api/v1/lines/**"};
    private static final HttpMethod[] WRITES = {POST, PUT, PATCH, DELETE};

    @Bean
    PasswordEncoder passwordEncoder(SecurityProperties properties) {
        return new BCryptPasswordEncoder(properties.bcryptStrength());
    }

    @Bean
    SecurityContextRepository securityContextRepository() {
        return new HttpSessionSecurityContextRepository();
    }

    /**
     * The firewall's refusal of a path with encoded CR/LF, {@code ..} or the like: a 400 problem of type
     * {@code bad-parameter}, like any other malformed path parameter, instead of an empty 400.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        ProblemResponses problems = new ProblemResponses(json);
        return (request, response, e) -> problems.write(response, ProblemType.BAD_PARAMETER,
                "The request path contains characters that are not allowed");
    }

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ObjectMapper json, ApiKeyService keys, UserService users,
                                    SecurityContextRepository contexts) throws Exception {
        ProblemResponses problems = new ProblemResponses(json);
        http.csrf(AbstractHttpConfigurer::disable)
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable)
                .logout(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .anonymous(AbstractHttpConfigurer::disable)
                .securityContext(context -> context.securityContextRepository(contexts))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(problems.unauthenticated())
                        .accessDeniedHandler(problems.forbidden()))
                .addFilterAfter(new SessionUserFilter(users), SecurityContextHolderFilter.class)
                .addFilterAfter(new ApiKeyAuthenticationFilter(keys, problems), SessionUserFilter.class)
                .authorizeHttpRequests(requests -> {
                    // the request was authorized on its first dispatch; a stateless (API key) request has no
                    // authentication left when an async result (a server-sent-events stream) is dispatched again
                    requests.dispatcherTypeMatchers(DispatcherType.ASYNC).permitAll()
                            .requestMatchers(OPEN).permitAll()
                            .requestMatchers(POST, "/api/v1/auth/login").permitAll()
                            .requestMatchers("/api/v1/auth/**").authenticated()
                            .requestMatchers("/api/v1/users/**", "/api/v1/api-keys/**").hasRole(Role.ADMIN.name());
                    for (HttpMethod method : WRITES) {
                        requests.requestMatchers(method, PLATFORM).hasAuthority(CallerAuthentication.PLATFORM_ADMIN)
                                .requestMatchers(method, "/api/**")
                                .hasAnyRole(Role.ADMIN.name(), Role.MANAGER.name());
                    }
                    requests.requestMatchers(GET, "/api/**").authenticated()
                            .requestMatchers("/actuator/**").hasAuthority(CallerAuthentication.PLATFORM_ADMIN)
                            .anyRequest().authenticated();
                });
        return http.build();
    }
}
