package io.outdial.activities.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberNormaliserTest {

    private final PhoneNumberNormaliser normaliser = new PhoneNumberNormaliser();

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "+1 (555) 010-0012; US; +15550100012",
            "+15550100003; DE; +15550100003",
            "(212) 555-0123; US; +12125550123",
            "020 7946 0018; GB; +442079460018",
            "030 123456; DE; +4930123456",
            "+44 7911 123456; US; +447911123456"})
    void writesNumbersInE164UsingTheDefaultRegionWhenThereIsNoPlus(String raw, String region, String e164) {
        assertThat(normaliser.normalise(raw, region).e164()).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"5550100\r\nbgapi", "555,0100", "555}0100", "555|0100", "555{0100", "${jndi}",
            "555'0100", "555\"0100", "555\t0100", "+1 555 O10 0001", "\uff11\uff12\uff13\uff14\uff15\uff16\uff17",
            "\u0661\u0662\u0663\u0664\u0665\u0666\u0667", "++15550100003", "1+5550100003", "tel:+15550100003",
            "+1555010000３"})
    void rejectsAnythingOutsideTheStrictAlphabet(String raw) {
        PhoneNumberNormaliser.Result result = normaliser.normalise(raw, "US");
        assertThat(result.valid()).isFalse();
        assertThat(result.error()).doesNotContain("0100");
    }

    @Test
    void rejectsNumbersOfTheWrongLengthForTheirCountry() {
        assertThat(normaliser.normalise("+1555001000001", "US").error()).contains("too long");
        assertThat(normaliser.normalise("+1555", "US").valid()).isFalse();
        assertThat(normaliser.normalise("5550100", "US").error()).contains("area code");
    }

    @Test
    void rejectsBlankAndOverlongValuesBeforeParsing() {
        assertThat(normaliser.normalise(null, "US").error()).isEqualTo("is required");
        assertThat(normaliser.normalise("  ", "US").error()).isEqualTo("is required");
        assertThat(normaliser.normalise("1".repeat(41), "US").error()).contains("longer than 40");
    }

    @Test
    void knowsRegionCodes() {
        assertThat(normaliser.supportsRegion("GB")).isTrue();
        assertThat(normaliser.supportsRegion("gb")).isFalse();
        assertThat(normaliser.supportsRegion("XX")).isFalse();
        assertThat(normaliser.supportsRegion(null)).isFalse();
    }
}
