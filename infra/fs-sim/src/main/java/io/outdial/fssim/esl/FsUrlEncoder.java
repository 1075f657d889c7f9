package io.outdial.fssim.esl;

import java.nio.charset.StandardCharsets;

/**
 * URL-encodes event header values exactly as FreeSWITCH's {@code switch_url_encode} does: bytes
 * outside printable ASCII and the characters of {@code SWITCH_URL_UNSAFE}
 * ({@code \r\n "#%&+:;<=>?@[\]^`{|}}) become {@code %XX}; everything else, including {@code , / ( ) ~ !},
 * is kept.
 */
public final class FsUrlEncoder {

    private static final String UNSAFE = "\r\n \"#%&+:;<=>?@[\\]^`{|}";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private FsUrlEncoder() {
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 16);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < ' ' || c > '~' || UNSAFE.indexOf(c) >= 0) {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            } else {
                out.append((char) c);
            }
        }
        return out.toString();
    }
}
