package io.outdial.app.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Node ids: the tag this app node puts on its calls and filters its ESL events by. */
final class NodeIds {

    static final Pattern VALID = Pattern.compile("^[a-z0-9][a-z0-9_-]{0,31}$");

    private NodeIds() {
    }

    /** A valid node id derived from the host name, or {@code node} when the host has no usable name. */
    static String fromHostName() {
        try {
            return sanitise(InetAddress.getLocalHost().getHostName());
        } catch (UnknownHostException e) {
            return sanitise(System.getenv().getOrDefault("HOSTNAME", ""));
        }
    }

    /** Lower-cases {@code raw}, turns every other character into {@code -} and trims it to 32 characters. */
    static String sanitise(String raw) {
        String id = raw.toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9_-]", "-")
                .replaceAll("^[^a-z0-9]+", "");
        if (id.length() > 32) {
            id = id.substring(0, 32);
        }
        return VALID.matcher(id).matches() ? id : "node";
    }
}
