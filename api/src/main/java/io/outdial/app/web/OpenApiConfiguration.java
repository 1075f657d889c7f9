package io.outdial.app.web;

import io.outdial.app.security.Caller;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 description of the REST API ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}).
 * A controller's {@link Caller} parameter is resolved from the request's credentials, not sent by clients,
 * so the description leaves it out.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    OpenApiConfiguration() {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI outdialOpenApi() {
        return new OpenAPI().info(new Info()
                .title("outdial REST API")
                .version("v1")
                .description("Campaigns, tasks, calls, resources and live stats of the outbound call campaign "
                        + "engine. Errors are RFC 9457 problem details with a stable `type` "
                        + "(`urn:outdial:problem:<kind>`, see docs/api.md).")
                .license(new License().name("Apache-2.0")));
    }
}
