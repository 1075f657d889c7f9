package io.outdial.fssim.call;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of {@code originate {vars}sofia/gateway/<gw>/<number> &park()} the simulator uses.
 *
 * @param vars channel variables in the order given
 * @param endpoint the dial string without the variable block
 * @param gateway gateway name, or null when the endpoint is not {@code sofia/gateway/...}
 * @param number dialed number (user part, without any {@code @host})
 * @param application what to run on answer ({@code &park()}, or a dialplan extension)
 */
public record OriginateRequest(Map<String, String> vars, String endpoint, String gateway, String number,
                               String application) {

    /** Default originate_timeout of FreeSWITCH, in seconds. */
    public static final int DEFAULT_TIMEOUT_SECONDS = 60;

    /** Parses the originate arguments; empty when they are not a usable originate. */
    public static Optional<OriginateRequest> parse(String args) {
        String s = args.trim();
        Map<String, String> vars = new LinkedHashMap<>();
        // {global vars}, then <enterprise> and [per-leg] blocks; later blocks override earlier ones
        while (!s.isEmpty() && "{<[".indexOf(s.charAt(0)) >= 0) {
            char closing = s.charAt(0) == '{' ? '}' : s.charAt(0) == '<' ? '>' : ']';
            int close = s.indexOf(closing);
            if (close < 0) {
                return Optional.empty();
            }
            for (String pair : s.substring(1, close).split(",")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    vars.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
            s = s.substring(close + 1).trim();
        }
        String[] parts = s.split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            return Optional.empty();
        }
        String endpoint = parts[0];
        String gateway = null;
        String number = null;
        String[] path = endpoint.split("/");
        if (path.length == 4 && path[0].equals("sofia") && path[1].equals("gateway")) {
            gateway = path[2];
            int at = path[3].indexOf('@');
            number = at < 0 ? path[3] : path[3].substring(0, at);
        }
        return Optional.of(new OriginateRequest(vars, endpoint, gateway, number, parts[1].trim()));
    }

    /** originate_timeout in milliseconds (FS default 60 s). */
    public long timeoutMillis() {
        String t = vars.get("originate_timeout");
        try {
            return t == null ? DEFAULT_TIMEOUT_SECONDS * 1000L : Math.max(0, Long.parseLong(t)) * 1000L;
        } catch (NumberFormatException e) {
            return DEFAULT_TIMEOUT_SECONDS * 1000L;
        }
    }

    /** The uuid the channel gets: origination_uuid when given. */
    public Optional<String> originationUuid() {
        return Optional.ofNullable(vars.get("origination_uuid")).filter(u -> !u.isBlank());
    }
}
