package io.outdial.app.account;

/** The rules of user names and passwords. */
final class UserRules {

    /** User names, as in the schema's check. */
    static final String USERNAME = "^[a-z0-9][a-z0-9._-]{2,63}$";
    static final int MIN_PASSWORD = 12;
    /** bcrypt reads at most 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    private UserRules() {
    }
}
