package io.outdial.activities.esl;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OriginateCommandTest {

    private static final String UUID = "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55";

    @Test
    void buildsTheOriginateWithUuidNodeTagTimeoutAndVariablesInOrder() {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put("campaign_id", "c42");
        vars.put("task_id", "t1001");

        OriginateCommand command = OriginateCommand.of("app07", dial("gw1", "15551234567", UUID, vars));

        assertThat(command.text()).isEqualTo("originate {origination_uuid=" + UUID
                + ",dialer_node=app07,originate_timeout=30,campaign_id=c42,task_id=t1001}"
                + "sofia/gateway/gw1/15551234567 &park()");
    }

    @Test
    void theNodeFilterRegexMatchesTheCommandOfItsOwnNodeOnly() {
        String command = OriginateCommand.of("app07", dial("gw1", "+15551234567", UUID, Map.of())).text();
        Pattern ownFilter = Pattern.compile("dialer_node=app07[,}]");
        Pattern otherFilter = Pattern.compile("dialer_node=app0[,}]");

        assertThat(ownFilter.matcher(command).find()).isTrue();
        assertThat(otherFilter.matcher(command).find()).isFalse();
    }

    @Test
    void roundsASubSecondRingTimeoutUp() {
        Dial dial = new Dial("fs1", "gw1", "15551234567", UUID, Map.of(), Duration.ofMillis(1500),
                Duration.ofMinutes(1));

        assertThat(OriginateCommand.of("app07", dial).ringTimeoutSeconds()).isEqualTo(2);
    }

    @Nested
    class Rejects {

        @ParameterizedTest
        @ValueSource(strings = {"12", "155512345678901234567", "1555 1234567", "1555\r\n1234567", "+1555,1234567",
                "1555|1234567", "15551234567}", "", "++15551234567", "1555-1234567"})
        void numbersOutsideThePatternWithoutEchoingThem(String number) {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial("gw1", number, UUID, Map.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("number:")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(number.length() > 4 ? number : "\u0000"));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "gw 1", "gw1/x", "gw1}", "gw1,x", "gw\n1"})
        void badGatewayNames(String gateway) {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial(gateway, "15551234567", UUID, Map.of())))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("gateway:");
        }

        @ParameterizedTest
        @ValueSource(strings = {"a b", "a,b", "a|b", "a}b", "{a", "a'b", "a\"b", "a\r\nb", "a=b"})
        void variableValuesThatCouldChangeTheCommandOrEndTheFrame(String value) {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial("gw1", "15551234567", UUID,
                    Map.of("campaign_id", value))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("channelVars.campaign_id:");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Campaign", "1abc", "a-b", "a b", "a\nb"})
        void badVariableNames(String name) {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial("gw1", "15551234567", UUID,
                    Map.of(name, "x"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("channelVars:");
        }

        @Test
        void variablesTheDialerSetsItself() {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial("gw1", "15551234567", UUID,
                    Map.of("dialer_node", "app08"))))
                    .hasMessageStartingWith("channelVars.dialer_node:");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55,x"})
        void originationUuidsThatAreNotUuids(String uuid) {
            assertThatThrownBy(() -> OriginateCommand.of("app07", dial("gw1", "15551234567", uuid, Map.of())))
                    .hasMessageStartingWith("originationUuid:");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "App07", "-app", "app 7", "app,7", "a23456789012345678901234567890123"})
        void badNodeTags(String tag) {
            assertThatThrownBy(() -> OriginateCommand.of(tag, dial("gw1", "15551234567", UUID, Map.of())))
                    .hasMessageStartingWith("nodeTag:");
        }
    }

    @Test
    void masksTheNumberWhenPrinted() {
        OriginateCommand command = OriginateCommand.of("app07", dial("gw1", "15551234567", UUID, Map.of()));

        assertThat(command.toString()).doesNotContain("15551234567").contains("*******4567");
    }

    static Dial dial(String gateway, String number, String uuid, Map<String, String> vars) {
        return new Dial("fs1", gateway, number, uuid, vars, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }
}
