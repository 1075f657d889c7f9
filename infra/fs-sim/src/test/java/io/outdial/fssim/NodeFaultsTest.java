package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Node faults called from Java: crash and hang. */
class NodeFaultsTest {

    FsSim sim;

    @BeforeEach
    void start() {
        sim = FsSim.start(SimConfig.defaults().withScripted(Map.of(
                "15550004242", ScriptedCall.answer(300, 60_000))));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void crashClosesEvenUnauthenticatedConnectionsAndLeavesOtherNodesAlone() {
        try (EslTestClient fresh = EslTestClient.connect(sim.eslPort("fs1"));
             EslTestClient other = EslTestClient.login(sim.eslPort("fs2"))) {
            fresh.readFrame();
            sim.crashNode("fs1");
            assertThat(fresh.closedByServer()).isTrue();
            assertThat(other.command("api show calls count")).endsWith("\n0 total.\n");
        }
    }

    @Test
    void hungNodeIsSilentUntilItResumesThenSendsWhatItHeld() {
        try (EslTestClient c = EslTestClient.login(sim.eslPort("fs1"))) {
            c.command("event plain CHANNEL_ANSWER");
            c.command("bgapi originate {origination_uuid=h1}sofia/gateway/gw1/15550004242 &park()");

            sim.hangNode("fs1");
            c.send("api status\n\n");
            assertThat(c.quietFor(600)).as("no reply and no CHANNEL_ANSWER (due at 300 ms) while hung").isTrue();

            sim.resumeNode("fs1");
            String first = c.readFrame();
            assertThat(eventName(first)).isEqualTo("CHANNEL_ANSWER");
            assertThat(c.readFrame()).startsWith("Content-Type: api/response\n");
        }
    }
}
