package io.outdial.app.fsnode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.outdial.activities.esl.EslDialer;
import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.fssim.FsSim;
import io.outdial.fssim.SimConfig;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;

@DevModeTest
@ExtendWith(OutputCaptureExtension.class)
class FsNodeApiTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String PASSWORD = "Wr1te-Only-pw";

    private final AdminApi api;
    private final EslDialer dialer;

    @Autowired
    FsNodeApiTest(MockMvc mvc, EslDialer dialer) {
        this.api = new AdminApi(mvc);
        this.dialer = dialer;
    }

    @Test
    void theDialerConnectsToANodeAddedThroughTheApiAndDropsItWhenDisabledOrDeleted(CapturedOutput output)
            throws Exception {
        try (FsSim sim = FsSim.start(SimConfig.defaults().withNodes(1).withPassword(PASSWORD))) {
            String pool = api.pool(null).name();
            String id = api.fsNode(pool, sim.eslPort("fs1"), PASSWORD);

            await().atMost(DEADLINE).until(() -> dialer.isConnected(id));
            api.get("/api/v1/fs-nodes/" + id).andExpect(jsonPath("$.connected").value(true));

            api.patch("/api/v1/fs-nodes/" + id, "{\"enabled\": false}")
                    .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
            assertThat(dialer.nodeIds()).doesNotContain(id);

            api.patch("/api/v1/fs-nodes/" + id, "{\"enabled\": true}").andExpect(status().isOk());
            await().atMost(DEADLINE).until(() -> dialer.isConnected(id));

            api.delete("/api/v1/fs-nodes/" + id).andExpect(status().isNoContent());
            assertThat(dialer.nodeIds()).doesNotContain(id);
            api.get("/api/v1/fs-nodes/" + id).andExpect(status().isNotFound());
        }
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }

    @Test
    void thePasswordIsWriteOnlyAndNeverLogged(CapturedOutput output) throws Exception {
        String pool = api.pool(null).name();
        String id = api.fsNode(pool, 1, "N0t-Returned");
        try {
            api.get("/api/v1/fs-nodes/" + id)
                    .andExpect(jsonPath("$.eslPassword").doesNotExist())
                    .andExpect(content().string(not(containsString("N0t-Returned"))));
            api.get("/api/v1/fs-nodes")
                    .andExpect(jsonPath("$[*].id").value(hasItem(id)))
                    .andExpect(content().string(not(containsString("N0t-Returned"))));
            api.patch("/api/v1/fs-nodes/" + id, "{\"eslPassword\": \"Chang3d-pw\", \"enabled\": false}")
                    .andExpect(status().isOk())
                    .andExpect(content().string(not(containsString("Chang3d-pw"))));
        } finally {
            api.delete("/api/v1/fs-nodes/" + id).andExpect(status().isNoContent());
        }
        assertThat(output.getAll()).doesNotContain("N0t-Returned").doesNotContain("Chang3d-pw");
    }

    @Test
    void invalidFieldsAreRejectedNamingEachFieldWithoutEchoingThePassword(CapturedOutput output) throws Exception {
        api.post("/api/v1/fs-nodes", """
                {"id": "Bad Id", "pool": "shared", "eslHost": "evil.example\\r\\nauth x", "eslPort": 70000,
                 "eslPassword": "has space", "maxSessions": 0, "caps": 10}""")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("id")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("eslHost")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("eslPort")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("eslPassword")))
                .andExpect(jsonPath("$.errors[*].field").value(hasItem("maxSessions")))
                .andExpect(content().string(not(containsString("has space"))));
        assertThat(output.getAll()).doesNotContain("has space");
    }

    @Test
    void hostsMayBeNamesOrIpLiterals() throws Exception {
        String pool = api.pool(null).name();
        for (String host : new String[] {"fs-1.example.com", "10.0.0.7", "::1"}) {
            String id = AdminApi.unique("fs");
            api.post("/api/v1/fs-nodes", """
                    {"id": "%s", "pool": "%s", "eslHost": "%s", "eslPort": 8021, "eslPassword": "ClueCon",
                     "maxSessions": 10, "caps": 5, "enabled": false}""".formatted(id, pool, host))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.eslHost").value(host));
        }
        api.post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "%s", "eslHost": "host_with_underscore", "eslPort": 8021,
                 "eslPassword": "ClueCon", "maxSessions": 10, "caps": 5}""".formatted(AdminApi.unique("fs"), pool))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("eslHost"));
    }

    @Test
    void aDuplicateIdIsA409AndAnUnknownOneA404() throws Exception {
        String pool = api.pool(null).name();
        String id = AdminApi.unique("fs");
        String body = """
                {"id": "%s", "pool": "%s", "eslHost": "127.0.0.1", "eslPort": 1, "eslPassword": "ClueCon",
                 "maxSessions": 10, "caps": 5, "enabled": false}""".formatted(id, pool);
        api.post("/api/v1/fs-nodes", body).andExpect(status().isCreated());
        api.post("/api/v1/fs-nodes", body).andExpect(status().isConflict());

        api.get("/api/v1/fs-nodes/no-such-node").andExpect(status().isNotFound());
        api.patch("/api/v1/fs-nodes/no-such-node", "{\"caps\": 5}").andExpect(status().isNotFound());
        api.delete("/api/v1/fs-nodes/no-such-node").andExpect(status().isNotFound());
    }

    @Test
    void anUnknownPoolIsA400NamingTheField() throws Exception {
        api.post("/api/v1/fs-nodes", """
                {"id": "%s", "pool": "no-such-pool", "eslHost": "127.0.0.1", "eslPort": 1, "eslPassword": "ClueCon",
                 "maxSessions": 10, "caps": 5}""".formatted(AdminApi.unique("fs")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("pool"));
    }
}
