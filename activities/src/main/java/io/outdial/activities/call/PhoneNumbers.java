package io.outdial.activities.call;

/** Masks phone numbers for logs: only the last four digits stay. */
public final class PhoneNumbers {

    private PhoneNumbers() {
    }

    /** {@code +15551234567} becomes {@code ********4567}. */
    public static String mask(String number) {
        if (number == null) {
            return null;
        }
        int keep = Math.min(4, number.length());
        return "*".repeat(number.length() - keep) + number.substring(number.length() - keep);
    }
}
