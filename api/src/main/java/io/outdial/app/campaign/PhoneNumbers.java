package io.outdial.app.campaign;

import java.util.regex.Pattern;

/**
 * Phone numbers as the engine accepts them: after dropping spaces, dashes, dots and parentheses,
 * an optional {@code +} and 3 to 20 digits. Anything else could change an originate command, so it is
 * rejected rather than escaped.
 */
final class PhoneNumbers {

    private static final Pattern SEPARATORS = Pattern.compile("[ \\-.()]");
    private static final Pattern VALID = Pattern.compile("^\\+?[0-9]{3,20}$");

    /** The rule, for error messages (never the rejected value itself). */
    static final String RULE = "must be an optional + and 3 to 20 digits (spaces, dashes, dots and parentheses are ignored)";

    private PhoneNumbers() {
    }

    /** The normalised number, or {@code null} if it is not acceptable. */
    static String normalise(String raw) {
        if (raw == null) {
            return null;
        }
        String number = SEPARATORS.matcher(raw).replaceAll("");
        return VALID.matcher(number).matches() ? number : null;
    }
}
