package io.outdial.app.pool;

import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@DevModeTest
class PoolApiTest {

    private final AdminApi api;

    @Autowired
    PoolApiTest(MockMvc mvc) {
        this.api = new AdminApi(mvc);
    }

    @Test
    void aPoolWithoutTenantIsSharedAndOneWithATenantIsDedicated() throws Exception {
        String tenant = api.tenant();
        AdminApi.Named shared = api.pool(null);
        AdminApi.Named dedicated = api.pool(tenant);

        api.get("/api/v1/pools/" + shared.id()).andExpect(jsonPath("$.tenant").doesNotExist());
        api.get("/api/v1/pools/" + dedicated.id()).andExpect(jsonPath("$.tenant").value(tenant));

        api.patch("/api/v1/pools/" + dedicated.id(), "{\"shared\": true}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.tenant").doesNotExist());
        api.patch("/api/v1/pools/" + shared.id(), "{\"tenant\": \"" + tenant + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.tenant").value(tenant));
    }

    @Test
    void anUnknownTenantIsA400NamingTheField() throws Exception {
        api.post("/api/v1/pools", "{\"name\": \"" + AdminApi.unique("pool") + "\", \"tenant\": \"nobody-at-all\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("tenant"));
    }

    @Test
    void aDuplicateNameIsA409() throws Exception {
        AdminApi.Named pool = api.pool(null);
        api.post("/api/v1/pools", "{\"name\": \"" + pool.name() + "\"}").andExpect(status().isConflict());
    }

    @Test
    void aPoolInUseCannotBeDeletedAnEmptyOneCan() throws Exception {
        AdminApi.Named used = api.pool(null);
        api.line(used.name(), "gw1", 5);
        api.delete("/api/v1/pools/" + used.id())
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        AdminApi.Named empty = api.pool(null);
        api.delete("/api/v1/pools/" + empty.id()).andExpect(status().isNoContent());
        api.get("/api/v1/pools/" + empty.id()).andExpect(status().isNotFound());
    }

    @Test
    void anUnknownPoolIsA404() throws Exception {
        api.get("/api/v1/pools/987654321").andExpect(status().isNotFound());
        api.patch("/api/v1/pools/987654321", "{\"name\": \"whatever\"}").andExpect(status().isNotFound());
        api.delete("/api/v1/pools/987654321").andExpect(status().isNotFound());
    }
}
