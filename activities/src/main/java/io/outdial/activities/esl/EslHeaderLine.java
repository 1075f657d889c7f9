package io.outdial.activities.esl;

import java.util.Map;

/** Parses one {@code Name: value} line of an ESL frame or of a plain event body. */
final class EslHeaderLine {

    private EslHeaderLine() {
    }

    /**
     * Adds the header of {@code line} to {@code headers}; the first occurrence of a name wins (FreeSWITCH
     * repeats some headers, e.g. {@code Hangup-Cause}, with the same value). A line without a colon is
     * ignored.
     */
    static void addTo(Map<String, String> headers, String line, boolean urlDecode) {
        int colon = line.indexOf(':');
        if (colon <= 0) {
            return;
        }
        String name = line.substring(0, colon);
        int valueStart = colon + 1;
        if (valueStart < line.length() && line.charAt(valueStart) == ' ') {
            valueStart++;
        }
        String value = line.substring(valueStart);
        headers.putIfAbsent(name, urlDecode ? PercentDecoding.decode(value) : value);
    }
}
