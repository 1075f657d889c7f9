package io.outdial.fssim;

import static io.outdial.fssim.EslTestClient.eventName;
import static io.outdial.fssim.WireSamples.eventHeader;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Several nodes in one process, each its own FreeSWITCH on its own port. */
class MultiNodeTest {

    @Test
    void eachNodeListensOnItsOwnPortWithItsOwnIdentityAndSequence() {
        try (FsSim sim = FsSim.start(SimConfig.defaults().withNodes(3)
                .withScripted(Map.of("15550001212", ScriptedCall.answer(10, 10))))) {
            assertThat(sim.nodes()).extracting(SimNode::id).containsExactly("fs1", "fs2", "fs3");
            assertThat(sim.nodes()).extracting(SimNode::eslPort).doesNotHaveDuplicates().allMatch(p -> p > 0);
            assertThat(sim.eslPort("fs2")).isEqualTo(sim.nodes().get(1).eslPort());

            String[] coreUuids = new String[3];
            for (int i = 0; i < 3; i++) {
                try (EslTestClient c = EslTestClient.login(sim.nodes().get(i).eslPort())) {
                    c.command("event plain CHANNEL_CREATE");
                    c.command("bgapi originate {origination_uuid=n" + i + "}sofia/gateway/gw1/15550001212 &park()");
                    String create = c.readUntil(f -> eventName(f).equals("CHANNEL_CREATE"));
                    assertThat(eventHeader(create, "FreeSWITCH-Hostname")).isEqualTo("fs" + (i + 1));
                    assertThat(eventHeader(create, "Event-Sequence")).isEqualTo("1");
                    coreUuids[i] = eventHeader(create, "Core-UUID");
                }
            }
            assertThat(coreUuids).doesNotHaveDuplicates();
        }
    }

    @Test
    void aTakenPortFailsTheStartCleanlyAndLeavesTheFirstSimulatorRunning() {
        try (FsSim first = FsSim.start(SimConfig.defaults().withNodes(1))) {
            int taken = first.eslPort("fs1");
            assertThatThrownBy(
                    () -> FsSim.start(SimConfig.defaults().withNodes(1).withEslBasePort(taken)))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("cannot start the simulator");
            try (EslTestClient c = EslTestClient.login(taken)) {
                assertThat(c.command("api hostname")).endsWith("\n\nfs1");
            }
        }
    }

    @Test
    void consecutivePortsFollowTheBasePort() throws Exception {
        int base;
        try (ServerSocket probe = new ServerSocket(0)) {
            base = probe.getLocalPort();
        }
        try (FsSim sim = FsSim.start(SimConfig.defaults().withNodes(2).withEslBasePort(base))) {
            assertThat(sim.eslPort("fs1")).isEqualTo(base);
            assertThat(sim.eslPort("fs2")).isEqualTo(base + 1);
        } catch (RuntimeException portTaken) {
            // base+1 may be taken by another process; the port layout is then untestable here
            assertThat(portTaken).hasMessageContaining("ddress");
        }
    }
}
