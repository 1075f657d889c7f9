package io.outdial.app.security;

import java.util.regex.Pattern;

/**
 * What must never reach a log in full, and how it is masked: E.164-like phone numbers
 * ({@code +14155550123} to {@code +***0123}, the last 4 digits kept to tell calls apart) and API keys
 * ({@code od_<prefix>_<secret>} to {@code od_<prefix>_***}, the prefix kept to tell keys apart).
 * Code masks what it logs itself; this is the safety net behind it ({@link MaskingMessageConverter}).
 */
public final class LogMasking {

    private static final Pattern PHONE_NUMBER = Pattern.compile("\\+[0-9]{2,11}([0-9]{4})(?![0-9])");
    private static final Pattern API_KEY = Pattern.compile("\\b(od_[a-z0-9]{8}_)[A-Za-z0-9]{8,}");

    private LogMasking() {
    }

    /** The text with every phone number ({@code \+[0-9]{6,15}}) and API key masked. */
    public static String mask(String text) {
        if (text == null || (text.indexOf('+') < 0 && !text.contains("od_"))) {
            return text;
        }
        String masked = PHONE_NUMBER.matcher(text).replaceAll("+***$1");
        return API_KEY.matcher(masked).replaceAll("$1***");
    }
}
