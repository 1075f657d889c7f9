package io.outdial.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.app.DevModeTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The logging configuration masks phone numbers and API keys that code logged by mistake. */
@DevModeTest
@ExtendWith(OutputCaptureExtension.class)
class LogMaskingTest {

    private static final Logger log = LoggerFactory.getLogger(LogMaskingTest.class);

    @Test
    void aLoggedPhoneNumberKeepsOnlyItsLastFourDigitsAndAKeyOnlyItsPrefix(CapturedOutput output) {
        log.info("Dialing {} for key {} (id {})", "+447911123456", "od_ab12cd34_Zq8xY7wV6uT5sR4qP3oN2mL1kJ0iH9gF", 42);

        assertThat(output.getAll())
                .contains("Dialing +***3456 for key od_ab12cd34_*** (id 42)")
                .doesNotContain("447911123456")
                .doesNotContain("Zq8xY7wV6uT5sR4qP3oN2mL1kJ0iH9gF");
    }

    @Test
    void masksEveryNumberOfSixToFifteenDigitsAndLeavesOtherTextAlone() {
        assertThat(LogMasking.mask("a +123456 b +123456789012345 c")).isEqualTo("a +***3456 b +***2345 c");
        assertThat(LogMasking.mask("campaign 42, +12345 too short, 3+4")).isEqualTo("campaign 42, +12345 too short, 3+4");
        assertThat(LogMasking.mask(null)).isNull();
    }
}
