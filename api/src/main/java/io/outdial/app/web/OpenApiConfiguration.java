package io.outdial.app.web;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}).
 * A controller's {@link Caller} parameter is resolved from the request's credentials, not sent by clients,
 * so the description leaves it out. Two security schemes, either of which authenticates a request: an API
 * key ({@code X-API-Key} header, or the same key as an {@code Authorization: Bearer} token) and the session
 * cookie of {@code POST /api/v1/auth/login}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    OpenApiConfiguration() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI outdialOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("outdial REST API")
                        .version("v1")
                        .description("Campaigns, tasks, calls, resources and live stats of the outbound call campaign "
                                + "engine. Errors are RFC 9457 problem details with a stable `type` "
                                + "(`urn:outdial:problem:<kind>`, see docs/api.md). Authenticate with an API key "
                                + "(`X-API-Key` or `Authorization: Bearer`) or a session (see docs/security.md).")
                        .license(new License().name("Apache-2.0")))
                .components(new Components()
                        .addSecuritySchemes("apiKey", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")
                                .description("An API key, od_<prefix>_<secret>; see docs/security.md"))
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("od_<prefix>_<secret>")
                                .description("The same API key as a bearer token"))
                        .addSecuritySchemes("session", new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.COOKIE).name("OUTDIAL_SESSION")
                                .description("The session cookie set by POST /api/v1/auth/login")))
                // any one of them
                .addSecurityItem(new SecurityRequirement().addList("apiKey"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"))
                .addSecurityItem(new SecurityRequirement().addList("session"));
    }
}
