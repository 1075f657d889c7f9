package io.outdial.app;

import org.springframework.boot.test.autoconfigure.web.servlet.MockMvcBuilderCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.client.RestTemplateRequestCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * How tests authenticate. Every {@link DevModeTest} starts with the dev bootstrap accounts (the same fixed
 * values as the dev profile), and its injected {@code MockMvc} and {@code TestRestTemplate} send
 * {@code X-API-Key: }{@link #DEV_API_KEY} (a platform administrator) on every request by default.
 *
 * <p>A test acts as someone else by sending its own {@code X-API-Key} header (it replaces the default);
 * for a request without credentials, a bearer token or a session cookie, it uses {@link #anonymous} MockMvc
 * (see {@code io.outdial.app.security.Accounts}) or plain HTTP.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestCredentials {

    /** The dev profile's bootstrap API key of the platform administrator. */
    public static final String DEV_API_KEY = "od_devlocal_notasecretdevonlyadminkey0000000000";
    /** The dev profile's bootstrap password of user {@code admin}. */
    public static final String DEV_ADMIN_PASSWORD = "outdial-dev";
    /** The header tests send keys in. */
    public static final String API_KEY_HEADER = "X-API-Key";

    @Bean
    MockMvcBuilderCustomizer platformAdminByDefault() {
        return builder -> builder.defaultRequest(MockMvcRequestBuilders.get("/").header(API_KEY_HEADER, DEV_API_KEY));
    }

    @Bean
    RestTemplateRequestCustomizer<ClientHttpRequest> platformAdminOverHttpByDefault() {
        return request -> {
            HttpHeaders headers = request.getHeaders();
            if (!headers.containsKey(API_KEY_HEADER) && !headers.containsKey(HttpHeaders.AUTHORIZATION)) {
                headers.set(API_KEY_HEADER, DEV_API_KEY);
            }
        };
    }
}
