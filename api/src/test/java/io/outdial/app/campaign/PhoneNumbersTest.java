package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void ignoresSpacesDashesDotsAndParentheses() {
        assertThat(PhoneNumbers.normalise("+1 (555) 010-00.12")).isEqualTo("+15550100012");
    }

    @Test
    void rejectsCharactersThatCouldChangeAnOriginateCommand() {
        assertThat(PhoneNumbers.normalise("5550100\r\nbgapi")).isNull();
        assertThat(PhoneNumbers.normalise("555,0100")).isNull();
        assertThat(PhoneNumbers.normalise("555}0100")).isNull();
        assertThat(PhoneNumbers.normalise("555|0100")).isNull();
    }

    @Test
    void acceptsThreeToTwentyDigits() {
        assertThat(PhoneNumbers.normalise("12")).isNull();
        assertThat(PhoneNumbers.normalise("123")).isEqualTo("123");
        assertThat(PhoneNumbers.normalise("1".repeat(20))).isNotNull();
        assertThat(PhoneNumbers.normalise("1".repeat(21))).isNull();
        assertThat(PhoneNumbers.normalise("++123")).isNull();
    }
}
