package io.outdial.app.web;

/**
 * The strict alphabets of values that reach ESL commands or the database's own checks. Values are
 * validated, never escaped: a CR/LF ends an ESL frame, a space, {@code ,}, {@code |} or {@code }}
 * changes an originate.
 */
public final class InputRules {

    /** FS node and line ids, as in the schema's checks. */
    public static final String RESOURCE_ID = "^[a-z0-9][a-z0-9_-]{0,31}$";
    /** Sofia gateway names, as in the schema's check. */
    public static final String GATEWAY = "^[A-Za-z0-9_.-]{1,64}$";
    /** Caller ids, as in the schema's check. */
    public static final String CALLER_ID = "^\\+?[0-9]{3,20}$";
    /** An ESL host: a DNS host name (RFC 1123 labels), an IPv4 literal or an IPv6 literal without brackets. */
    public static final String HOST = "^(?:(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*|(?=[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]{2,45})$";
    /** An ESL password: printable ASCII without spaces (it ends the {@code auth} command's line). */
    public static final String ESL_PASSWORD = "^[\\x21-\\x7E]{1,128}$";
    /** Tenant and pool names: letters, digits, space, {@code _ . -}, starting with a letter or digit. */
    public static final String NAME = "^[\\p{L}\\p{N}][\\p{L}\\p{N} _.-]{0,99}$";
    /**
     * Free text such as a campaign's name: anything but control and format characters (bidi overrides, zero
     * widths), unpaired surrogates and line or paragraph separators.
     */
    public static final String TEXT = "^[^\\p{Cc}\\p{Cf}\\p{Cs}\\p{Zl}\\p{Zp}]*$";
    /** Campaign line-selection strategies, as in the schema's check. */
    public static final String STRATEGY = "^(RANDOM|ROUND_ROBIN|BEST_CONNECT_RATE)$";

    private InputRules() {
    }
}
