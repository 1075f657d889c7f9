package io.outdial.fssim.esl;

import java.util.Locale;
import java.util.Map;

/**
 * One command frame from a client: the command line, the header lines after it, and the body
 * announced by a {@code Content-Length} header, if any.
 */
public record EslCommand(String line, Map<String, String> headers, String body) {

    /** The first word, lower-cased ({@code api}, {@code bgapi}, {@code filter}...). */
    public String verb() {
        int sp = line.indexOf(' ');
        return (sp < 0 ? line : line.substring(0, sp)).toLowerCase(Locale.ROOT);
    }

    /** Everything after the first space, or "" when there is none. */
    public String rest() {
        int sp = line.indexOf(' ');
        return sp < 0 ? "" : line.substring(sp + 1).trim();
    }

    public String header(String name) {
        for (Map.Entry<String, String> h : headers.entrySet()) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }
}
