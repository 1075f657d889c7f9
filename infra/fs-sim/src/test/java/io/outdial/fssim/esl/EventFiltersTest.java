package io.outdial.fssim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Filters decide like mod_event_socket's event_handler. */
class EventFiltersTest {

    final EventFilters filters = new EventFilters();

    static EslEvent channelEvent(String dialerNode) {
        return EslEvent.builder().header("Event-Name", "CHANNEL_CREATE")
                .header("Unique-ID", "u1").header("variable_dialer_node", dialerNode).build();
    }

    static EslEvent job(String arg) {
        return EslEvent.builder().header("Event-Name", "BACKGROUND_JOB").header("Job-Command-Arg", arg)
                .body("+OK\n").build();
    }

    static final EslEvent HEARTBEAT = EslEvent.builder().header("Event-Name", "HEARTBEAT").build();

    @Test
    void withoutFiltersEverythingPasses() {
        assertThat(filters.accepts(HEARTBEAT)).isTrue();
    }

    @Test
    void exactValuesCompareIgnoringCase() {
        filters.add("variable_dialer_node", "app07");
        assertThat(filters.accepts(channelEvent("app07"))).isTrue();
        assertThat(filters.accepts(channelEvent("APP07"))).isTrue();
        assertThat(filters.accepts(channelEvent("app070"))).isFalse();
    }

    @Test
    void slashValuesAreRegularExpressionsFoundAnywhere() {
        filters.add("Job-Command-Arg", "/dialer_node=app07[,}]/");
        assertThat(filters.accepts(job("{a=b,dialer_node=app07,c=d}sofia/gateway/gw1/1 &park()"))).isTrue();
        assertThat(filters.accepts(job("{dialer_node=app07}sofia/gateway/gw1/1 &park()"))).isTrue();
        assertThat(filters.accepts(job("{dialer_node=app070}sofia/gateway/gw1/1 &park()"))).isFalse();
    }

    @Test
    void includesAreOrdAndAFilterOnAMissingHeaderIsSkipped() {
        filters.add("variable_dialer_node", "app07");
        filters.add("Job-Command-Arg", "/dialer_node=app07[,}]/");
        filters.add("Event-Name", "HEARTBEAT");
        assertThat(filters.accepts(HEARTBEAT)).isTrue();
        assertThat(filters.accepts(channelEvent("app07"))).isTrue();
        assertThat(filters.accepts(job("{dialer_node=app07}x"))).isTrue();
        assertThat(filters.accepts(channelEvent("app08"))).isFalse();
        assertThat(filters.accepts(job("{dialer_node=app08}x"))).isFalse();
    }

    @Test
    void anEventMatchingNoFilterIsDropped() {
        filters.add("variable_dialer_node", "app07");
        assertThat(filters.accepts(HEARTBEAT)).isFalse();
    }

    @Test
    void anExcludeMatchDropsTheEvent() {
        filters.add("Event-Name", "CHANNEL_CREATE");
        filters.add("variable_dialer_node", "-app08");
        assertThat(filters.accepts(channelEvent("app07"))).isTrue();
        assertThat(filters.accepts(channelEvent("app08"))).isFalse();
    }

    @Test
    void onlyExcludeFiltersLetNothingThroughAsInFreeSwitch() {
        filters.add("variable_dialer_node", "-app08");
        assertThat(filters.accepts(channelEvent("app07"))).isFalse();
    }

    @Nested
    class Deleting {
        @Test
        void deletesOneValue() {
            filters.add("variable_dialer_node", "app07");
            filters.add("variable_dialer_node", "app08");
            filters.delete("variable_dialer_node", "app07");
            assertThat(filters.accepts(channelEvent("app07"))).isFalse();
            assertThat(filters.accepts(channelEvent("app08"))).isTrue();
        }

        @Test
        void deletesEveryValueOfAHeaderWhenNoneIsGiven() {
            filters.add("variable_dialer_node", "app07");
            filters.add("variable_dialer_node", "app08");
            filters.delete("variable_dialer_node", null);
            assertThat(filters.size()).isZero();
            assertThat(filters.accepts(channelEvent("app01"))).isTrue();
        }
    }
}
