package io.outdial.fssim.esl;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.fssim.WireSamples;
import org.junit.jupiter.api.Test;

/** Header values are encoded with exactly the safe set the golden frames show. */
class FsUrlEncoderTest {

    @Test
    void encodesTheOriginateArgumentLikeTheSample() {
        String raw = "{origination_uuid=5f0c2b8e-8a0e-4b8e-9d1a-2a7c1f3e4d55,dialer_node=app07,campaign_id=c42,"
                + "task_id=t1001}sofia/gateway/gw1/15551234567 &park()";
        String sample = WireSamples.eventHeader(
                WireSamples.server("BACKGROUND_JOB for an answered call (body arrives after answer)"), "Job-Command-Arg");
        assertThat(FsUrlEncoder.encode(raw)).isEqualTo(sample);
    }

    @Test
    void keepsTheCharactersTheSamplesKeep() {
        assertThat(FsUrlEncoder.encode("Sun, 29 Nov 2026 07:22:40 GMT")).isEqualTo("Sun,%2029%20Nov%202026%2007%3A22%3A40%20GMT");
        assertThat(FsUrlEncoder.encode("1.10.12-release~64bit")).isEqualTo("1.10.12-release~64bit");
        assertThat(FsUrlEncoder.encode("::1")).isEqualTo("%3A%3A1");
        assertThat(FsUrlEncoder.encode("a_b.c!*'()$/,")).isEqualTo("a_b.c!*'()$/,");
    }

    @Test
    void encodesUnsafeControlAndNonAsciiBytes() {
        assertThat(FsUrlEncoder.encode("\r\n \"#%&+:;<=>?@[\\]^`{|}"))
                .isEqualTo("%0D%0A%20%22%23%25%26%2B%3A%3B%3C%3D%3E%3F%40%5B%5C%5D%5E%60%7B%7C%7D");
        assertThat(FsUrlEncoder.encode("é\t")).isEqualTo("%C3%A9%09");
    }
}
