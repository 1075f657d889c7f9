package io.outdial.activities.tasks;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.regex.Pattern;

/**
 * Turns a phone number as a person typed it into E.164 ({@code +<country code><number>}), the only form
 * that ever reaches an originate.
 *
 * <p>Three gates, in order. First a strict alphabet on the raw text: ASCII digits, an optional leading
 * {@code +}, and the separators space, {@code -}, {@code .}, {@code (}, {@code )}; anything else (control
 * characters, {@code , | { } $}, quotes, letters, non-ASCII digits and look-alikes) is rejected, never
 * escaped or mapped. Then libphonenumber parses it, with the tenant's default region for numbers written
 * without {@code +}, and it must be a possible number of its country (its length fits the country's
 * plan; ranges are not checked, so reserved test ranges such as {@code +1 555 01xx} are accepted). Last,
 * the E.164 result must match DESIGN.md's ESL-safe grammar {@value #ESL_SAFE}. Thread-safe.
 */
public final class PhoneNumberNormaliser {

    /** The grammar every number that reaches ESL matches (also the database's check on call_tasks). */
    public static final String ESL_SAFE = "^\\+?[0-9]{3,20}$";

    /** The longest raw value looked at; longer ones are rejected before parsing. */
    public static final int MAX_RAW_LENGTH = 40;

    private static final Pattern RAW = Pattern.compile("^\\+?[0-9 ().-]{1," + (MAX_RAW_LENGTH - 1) + "}$");
    private static final Pattern SAFE = Pattern.compile(ESL_SAFE);
    private static final Pattern REGION = Pattern.compile("^[A-Z]{2}$");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * The outcome of normalising one number: {@code e164} when accepted, else {@code error}, a message that
     * never quotes the number.
     */
    public record Result(String e164, String error) {

        static Result ok(String e164) {
            return new Result(e164, null);
        }

        static Result rejected(String error) {
            return new Result(null, error);
        }

        public boolean valid() {
            return e164 != null;
        }
    }

    /** Whether this is a region code libphonenumber knows (ISO 3166-1 alpha-2, upper case). */
    public boolean supportsRegion(String region) {
        return region != null && REGION.matcher(region).matches() && util.getSupportedRegions().contains(region);
    }

    /**
     * Normalises {@code raw}; numbers without a leading {@code +} are read as numbers of
     * {@code defaultRegion} (an ISO 3166-1 alpha-2 code the caller has checked with {@link #supportsRegion}).
     */
    public Result normalise(String raw, String defaultRegion) {
        if (raw == null || raw.isBlank()) {
            return Result.rejected("is required");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            return Result.rejected("is longer than " + MAX_RAW_LENGTH + " characters");
        }
        if (!RAW.matcher(raw).matches()) {
            return Result.rejected("may contain only ASCII digits, a leading +, spaces, dashes, dots and parentheses");
        }
        PhoneNumber number;
        try {
            number = util.parse(raw, defaultRegion);
        } catch (NumberParseException e) {
            return Result.rejected(switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE -> "has no valid country code (write it with + and the country code)";
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD -> "is too short";
                case TOO_LONG -> "is too long";
                case NOT_A_NUMBER -> "is not a phone number";
            });
        }
        ValidationResult possible = util.isPossibleNumberWithReason(number);
        if (possible != ValidationResult.IS_POSSIBLE) {
            return Result.rejected(switch (possible) {
                case TOO_SHORT, INVALID_LENGTH -> "has the wrong number of digits for its country";
                case TOO_LONG -> "is too long for its country";
                case INVALID_COUNTRY_CODE -> "has no valid country code";
                case IS_POSSIBLE_LOCAL_ONLY -> "is a local number: add the area code";
                default -> "is not a possible phone number";
            });
        }
        String e164 = util.format(number, PhoneNumberFormat.E164);
        return SAFE.matcher(e164).matches() ? Result.ok(e164) : Result.rejected("is not a possible phone number");
    }
}
