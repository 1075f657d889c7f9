package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoundSettingsTest {

    private static RoundSettings failovers(int n) {
        return new RoundSettings(Duration.ofMillis(900), 1_000, n);
    }

    @Test
    void callsMayFailOverTwiceUnlessConfiguredOtherwise() {
        assertThat(RoundSettings.defaults().maxFailovers()).isEqualTo(2);
        assertThat(RoundSettings.defaults().callRequestMaxFailovers()).isEqualTo(2);
        assertThat(failovers(4).callRequestMaxFailovers()).isEqualTo(4);
    }

    @Test
    void zeroFailoversReachesTheCallAsNoneNotAsTheDefault() {
        // in a CallRequest 0 means "default" (payloads from before the field), a negative value means none
        assertThat(failovers(0).callRequestMaxFailovers()).isNegative();
    }

    @Test
    void aBoundOutsideZeroToFiveIsRefusedWithItsName() {
        assertThatThrownBy(() -> failovers(6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFailovers");
        assertThatThrownBy(() -> failovers(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
