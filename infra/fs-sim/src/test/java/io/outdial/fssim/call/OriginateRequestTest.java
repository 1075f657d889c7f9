package io.outdial.fssim.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The originate argument is read the way the simulator needs it. */
class OriginateRequestTest {

    @Test
    void readsVariablesGatewayNumberAndApplication() {
        OriginateRequest req = OriginateRequest.parse(
                "{origination_uuid=u1,dialer_node=app07,originate_timeout=25}sofia/gateway/gw1/15551234567 &park()")
                .orElseThrow();
        assertThat(req.vars()).containsExactly(Map.entry("origination_uuid", "u1"),
                Map.entry("dialer_node", "app07"), Map.entry("originate_timeout", "25"));
        assertThat(req.gateway()).isEqualTo("gw1");
        assertThat(req.number()).isEqualTo("15551234567");
        assertThat(req.application()).isEqualTo("&park()");
        assertThat(req.originationUuid()).hasValue("u1");
        assertThat(req.timeoutMillis()).isEqualTo(25_000);
    }

    @Test
    void perLegVariablesOverrideGlobalOnes() {
        OriginateRequest req = OriginateRequest.parse("{a=1,b=2}[b=3]sofia/gateway/gw2/+4930123@carrier.example &park()")
                .orElseThrow();
        assertThat(req.vars()).containsEntry("a", "1").containsEntry("b", "3");
        assertThat(req.number()).isEqualTo("+4930123");
        assertThat(req.timeoutMillis()).isEqualTo(60_000);
    }

    @Test
    void rejectsWhatIsNotAnOriginate() {
        assertThat(OriginateRequest.parse("")).isEmpty();
        assertThat(OriginateRequest.parse("{a=1 sofia/gateway/gw1/1 &park()")).isEmpty();
        assertThat(OriginateRequest.parse("sofia/gateway/gw1/1")).isEmpty();
        assertThat(OriginateRequest.parse("user/1000 &park()").orElseThrow().gateway()).isNull();
    }
}
