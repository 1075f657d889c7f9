package io.outdial.activities.esl;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Decodes {@code %XX} escapes as FreeSWITCH's {@code switch_url_decode} does: a {@code +} stays a
 * {@code +} (FreeSWITCH encodes it as {@code %2B}), and a {@code %} not followed by two hex digits
 * is kept as it is.
 */
final class PercentDecoding {

    private PercentDecoding() {
    }

    static String decode(String value) {
        if (value.indexOf('%') < 0) {
            return value;
        }
        byte[] in = value.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length);
        for (int i = 0; i < in.length; i++) {
            if (in[i] == '%' && i + 2 < in.length) {
                int high = Character.digit(in[i + 1], 16);
                int low = Character.digit(in[i + 2], 16);
                if (high >= 0 && low >= 0) {
                    out.write(high << 4 | low);
                    i += 2;
                    continue;
                }
            }
            out.write(in[i]);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
