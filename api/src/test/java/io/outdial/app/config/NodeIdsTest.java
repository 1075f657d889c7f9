package io.outdial.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NodeIdsTest {

    @Test
    void turnsAHostNameIntoAValidNodeId() {
        assertThat(NodeIds.sanitise("App-Node.Example.COM")).isEqualTo("app-node-example-com");
    }

    @Test
    void dropsLeadingSeparatorsAndKeepsAtMost32Characters() {
        assertThat(NodeIds.sanitise("--" + "x".repeat(40))).isEqualTo("x".repeat(32));
    }

    @Test
    void fallsBackToNodeWhenNothingUsableIsLeft() {
        assertThat(NodeIds.sanitise("...")).isEqualTo("node");
    }

    @Test
    void derivesADefaultNodeIdThatPassesTheEslFilterRule() {
        assertThat(new OutdialProperties(null, null, null).nodeId()).matches(NodeIds.VALID);
    }

    @Test
    void rejectsAConfiguredNodeIdThatWouldBreakTheEslFilter() {
        assertThatThrownBy(() -> new OutdialProperties("node 1}", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("outdial.node-id");
    }
}
