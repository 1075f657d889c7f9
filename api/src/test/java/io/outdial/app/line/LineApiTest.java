package io.outdial.app.line;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

@DevModeTest
class LineApiTest {

    private final AdminApi api;

    @Autowired
    LineApiTest(MockMvc mvc) {
        this.api = new AdminApi(mvc);
    }

    @Test
    void aLineListsTheFsNodesOfItsPoolThatCarryItsGateway() throws Exception {
        String pool = api.pool(null).name();
        String node = disabledNode(pool);
        String id = AdminApi.unique("line");
        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "carrier.a-1", "caps": 20, "maxConcurrency": 40,
                 "callerId": "+15550001111", "fsNodes": ["%s"]}""".formatted(id, pool, node))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fsNodes").value(contains(node)))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.health.state").value("HEALTHY"))
                .andExpect(jsonPath("$.health.window.attempts").value(0));

        api.get("/api/v1/lines/" + id).andExpect(jsonPath("$.callerId").value("+15550001111"));
        api.get("/api/v1/lines").andExpect(jsonPath("$[*].id").value(hasItem(id)));

        api.patch("/api/v1/lines/" + id, "{\"fsNodes\": [\"%s\", \"%s\"]}".formatted(node, node))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fsNodes").value(contains(node)));
        api.patch("/api/v1/lines/" + id, "{\"fsNodes\": [\"Not An Id\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fsNodes[0]"));
        api.patch("/api/v1/lines/" + id, "{\"fsNodes\": []}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.fsNodes").isEmpty());
    }

    @Test
    void fsNodesOfAnotherPoolAreRejected() throws Exception {
        String pool = api.pool(null).name();
        String foreignNode = disabledNode(api.pool(null).name());

        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw1", "caps": 5, "maxConcurrency": 5, "fsNodes": ["%s"]}"""
                .formatted(AdminApi.unique("line"), pool, foreignNode))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fsNodes"));

        String line = api.line(pool, "gw1", 5);
        api.patch("/api/v1/lines/" + line, "{\"fsNodes\": [\"" + foreignNode + "\"]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("fsNodes"));
    }

    @Test
    void anFsNodeThatALineListsCanNeitherBeDeletedNorMovedToAnotherPool() throws Exception {
        String pool = api.pool(null).name();
        String node = disabledNode(pool);
        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw1", "caps": 5, "maxConcurrency": 5, "fsNodes": ["%s"]}"""
                .formatted(AdminApi.unique("line"), pool, node))
                .andExpect(status().isCreated());

        api.delete("/api/v1/fs-nodes/" + node).andExpect(status().isConflict());
        api.patch("/api/v1/fs-nodes/" + node, "{\"pool\": \"" + api.pool(null).name() + "\"}")
                .andExpect(status().isConflict());
    }

    @Test
    void gatewaysAndCallerIdsThatCouldAlterAnOriginateAreRejectedNamingTheField() throws Exception {
        String pool = api.pool(null).name();
        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw1}bgapi hupall", "caps": 5, "maxConcurrency": 5,
                 "callerId": "+1555,origination_caller_id_name=x"}""".formatted(AdminApi.unique("line"), pool))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("gateway")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("callerId")))
                .andExpect(content().string(not(containsString("hupall"))));

        String line = api.line(pool, "gw1", 5);
        api.patch("/api/v1/lines/" + line, "{\"gateway\": \"gw1|other\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("gateway"));
        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw1", "caps": 0, "maxConcurrency": 5}"""
                .formatted(AdminApi.unique("line"), pool))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("caps"));
    }

    @Test
    void aDuplicateIdIsA409AndAnUnknownOneA404() throws Exception {
        String pool = api.pool(null).name();
        String line = api.line(pool, "gw1", 5);
        api.post("/api/v1/lines", """
                {"id": "%s", "pool": "%s", "gateway": "gw1", "caps": 5, "maxConcurrency": 5}"""
                .formatted(line, pool))
                .andExpect(status().isConflict());

        api.get("/api/v1/lines/no-such-line").andExpect(status().isNotFound());
        api.patch("/api/v1/lines/no-such-line", "{\"caps\": 5}").andExpect(status().isNotFound());
        api.delete("/api/v1/lines/no-such-line").andExpect(status().isNotFound());

        api.delete("/api/v1/lines/" + line).andExpect(status().isNoContent());
        api.get("/api/v1/lines/" + line).andExpect(status().isNotFound());
    }

    private String disabledNode(String pool) throws Exception {
        String id = AdminApi.unique("fs");
        api.post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "%s", "eslHost": "127.0.0.1", "eslPort": 1, "eslPassword": "ClueCon",
                 "maxSessions": 10, "caps": 5, "enabled": false}""".formatted(id, pool))
                .andExpect(status().isCreated());
        return id;
    }
}
