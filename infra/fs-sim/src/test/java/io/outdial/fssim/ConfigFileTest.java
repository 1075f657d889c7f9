package io.outdial.fssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON config file mirrors SimConfig; what it leaves out keeps the defaults. */
class ConfigFileTest {

    final ConfigFile file = new ConfigFile();

    @Test
    void readsAPartialConfigOverTheDefaults() throws Exception {
        SimConfig config = file.parse("""
                {"nodes": 3, "password": "s3cret", "heartbeatInterval": "PT5S",
                 "gateways": [{"name": "carrierA", "caps": 25, "mix": {"answer": 1, "busy": 0, "noAnswer": 0,
                               "reject": 0, "invalid": 0}}],
                 "nodeLimits": {"maxSessions": 50, "sessionsPerSecond": 5},
                 "scripted": {"15551230000": {"outcome": "BUSY", "ringMs": 200, "talkMs": 0, "earlyMedia": false}}}
                """);
        assertThat(config.nodes()).isEqualTo(3);
        assertThat(config.password()).isEqualTo("s3cret");
        assertThat(config.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.gateways()).singleElement().satisfies(gw -> {
            assertThat(gw.caps()).isEqualTo(25);
            assertThat(gw.maxConcurrency()).isEqualTo(100);
            assertThat(gw.ringMs()).isEqualTo(MsRange.of(300, 1500));
            assertThat(gw.mix().pick(0.99)).isEqualTo(CallOutcome.ANSWER);
        });
        assertThat(config.nodeLimits()).isEqualTo(new NodeLimits(50, 5));
        assertThat(config.scripted().get("15551230000")).isEqualTo(ScriptedCall.busy(200));
        assertThat(config.eslBasePort()).isZero();
    }

    @Test
    void writesWhatItReads() throws Exception {
        SimConfig config = SimConfig.defaults().withNodes(4).withScripted(Map.of("1555", ScriptedCall.invalid()));
        assertThat(file.parse(file.write(config))).isEqualTo(config);
    }

    @Test
    void rejectsUnknownFields() {
        assertThatThrownBy(() -> file.parse("{\"nodess\": 2}")).hasMessageContaining("nodess");
    }
}
