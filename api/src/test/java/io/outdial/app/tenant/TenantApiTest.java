package io.outdial.app.tenant;

import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@DevModeTest
class TenantApiTest {

    private final AdminApi api;

    @Autowired
    TenantApiTest(MockMvc mvc) {
        this.api = new AdminApi(mvc);
    }

    @Test
    void createsATenantAndFindsItByIdAndInTheList() throws Exception {
        String name = AdminApi.unique("acme");
        String body = api.post("/api/v1/tenants", "{\"name\": \"" + name + "\"}")
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/tenants/")))
                .andExpect(jsonPath("$.name").value(name))
                .andReturn().getResponse().getContentAsString();
        long id = ((Number) JsonPath.read(body, "$.id")).longValue();

        api.get("/api/v1/tenants/" + id).andExpect(status().isOk()).andExpect(jsonPath("$.name").value(name));
        api.get("/api/v1/tenants").andExpect(jsonPath("$[*].name").value(hasItem(name)));
    }

    @Test
    void aDuplicateNameIsA409() throws Exception {
        String name = api.tenant();
        api.post("/api/v1/tenants", "{\"name\": \"" + name + "\"}")
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aNameWithControlCharactersIsRejectedNamingTheField() throws Exception {
        api.post("/api/v1/tenants", "{\"name\": \"evil\\r\\nname\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void aTenantHasTheDefaultRegionItWasGivenOrUs() throws Exception {
        String name = AdminApi.unique("uk");
        api.post("/api/v1/tenants", "{\"name\": \"" + name + "\", \"defaultRegion\": \"GB\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.defaultRegion").value("GB"));
        api.post("/api/v1/tenants", "{\"name\": \"" + AdminApi.unique("us") + "\"}")
                .andExpect(jsonPath("$.defaultRegion").value("US"));
    }

    @Test
    void aRegionWithoutANumberingPlanIsA400NamingTheField() throws Exception {
        api.post("/api/v1/tenants", "{\"name\": \"" + AdminApi.unique("xx") + "\", \"defaultRegion\": \"XX\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:outdial:problem:validation"))
                .andExpect(jsonPath("$.errors[0].field").value("defaultRegion"));
        api.post("/api/v1/tenants", "{\"name\": \"" + AdminApi.unique("xx") + "\", \"defaultRegion\": \"gb\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("defaultRegion"));
    }

    @Test
    void anUnknownTenantIsA404() throws Exception {
        api.get("/api/v1/tenants/987654321")
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
}
