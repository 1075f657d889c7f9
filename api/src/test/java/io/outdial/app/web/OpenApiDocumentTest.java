package io.outdial.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.DevModeTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document describes every endpoint of the REST API, and Swagger UI serves it. */
@DevModeTest
class OpenApiDocumentTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyEndpointOfTheApiIsInTheDocumentWithASummary() throws Exception {
        JsonNode paths = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs"))
                .andReturn().getResponse().getContentAsString()).path("paths");

        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (!method.getBeanType().getPackageName().startsWith("io.outdial.app")) {
                return;
            }
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                for (RequestMethod verb : info.getMethodsCondition().getMethods()) {
                    endpoints.add(verb + " " + pattern);
                }
            }
        });

        assertThat(endpoints).as("endpoints found").hasSizeGreaterThan(20);
        assertThat(endpoints).allSatisfy(endpoint -> {
            String[] parts = endpoint.split(" ");
            JsonNode operation = paths.path(parts[1]).path(parts[0].toLowerCase());
            assertThat(operation.isMissingNode()).as("%s in /v3/api-docs", endpoint).isFalse();
            assertThat(operation.path("summary").asText()).as("summary of %s", endpoint).isNotBlank();
        });
    }

    @Test
    void swaggerUiServesTheDocument() throws Exception {
        String redirect = mvc.perform(MockMvcRequestBuilders.get("/swagger-ui.html")).andReturn().getResponse()
                .getRedirectedUrl();
        assertThat(redirect).contains("swagger-ui/index.html");
        assertThat(mvc.perform(MockMvcRequestBuilders.get("/swagger-ui/index.html")).andReturn().getResponse()
                .getContentAsString()).contains("Swagger UI");
    }
}
