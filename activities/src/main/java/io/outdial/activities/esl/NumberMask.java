package io.outdial.activities.esl;

/** Masks a phone number for logs and error messages: only its last four characters stay readable. */
public final class NumberMask {

    private NumberMask() {
    }

    /** {@code +15551234567} becomes {@code ********4567}; characters outside {@code [0-9+]} show as {@code ?}. */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int keep = Math.min(4, number.length());
        StringBuilder masked = new StringBuilder(number.length());
        masked.append("*".repeat(number.length() - keep));
        for (int i = number.length() - keep; i < number.length(); i++) {
            char c = number.charAt(i);
            masked.append(c >= '0' && c <= '9' || c == '+' ? c : '?');
        }
        return masked.toString();
    }
}
