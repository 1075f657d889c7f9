package io.outdial.fssim.esl;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The commands that only change what a connection receives ({@code event}, {@code nixevent},
 * {@code noevents}, {@code filter}, {@code log}, {@code nolog}, {@code linger}, {@code nolinger}),
 * answered with mod_event_socket's Reply-Text.
 */
final class ListenerCommands {

    private static final List<String> LOG_LEVELS =
            List.of("console", "alert", "crit", "err", "warning", "notice", "info", "debug");

    private final Subscription subscription;
    private final EventFilters filters;
    private boolean logging;

    ListenerCommands(Subscription subscription, EventFilters filters) {
        this.subscription = subscription;
        this.filters = filters;
    }

    /** The Reply-Text for {@code verb rest}, or null when this is not such a command. */
    String handle(String verb, String rest) {
        return switch (verb) {
            case "event" -> event(words(rest));
            case "nixevent" -> subscription.remove(words(rest)) == 0
                    ? "-ERR no keywords supplied" : "+OK events nixed";
            case "noevents" -> subscription.clear()
                    ? "+OK no longer listening for events" : "-ERR not listening for events";
            case "filter" -> filter(rest);
            case "log" -> log(rest);
            case "nolog" -> nolog();
            case "linger", "nolinger" -> "-ERR not controlling a session";
            default -> null;
        };
    }

    private String event(List<String> words) {
        List<String> names = words;
        if (!words.isEmpty() && isFormat(words.get(0))) {
            String format = words.get(0).toLowerCase(Locale.ROOT);
            if (format.equals("xml")) {
                return "-ERR xml events are not simulated";
            }
            subscription.format(format.equals("json") ? Subscription.Format.JSON : Subscription.Format.PLAIN);
            names = words.subList(1, words.size());
        }
        if (subscription.add(names) == 0) {
            return "-ERR no keywords supplied";
        }
        return "+OK event listener enabled " + subscription.format().name().toLowerCase(Locale.ROOT);
    }

    /** {@code filter [add] <header> <value>}, {@code filter delete <header> [<value>]}, {@code filter delete all}. */
    private String filter(String args) {
        String[] parts = args.stripLeading().split(" ", 2);
        String header = parts[0];
        String value = parts.length > 1 ? parts[1] : null;
        if (header.equalsIgnoreCase("delete") && value != null) {
            String[] del = value.split(" ", 2);
            String delHeader = del[0];
            String delValue = del.length > 1 ? del[1] : null;
            if (delHeader.equalsIgnoreCase("all")) {
                filters.clear();
            } else {
                filters.delete(delHeader, delValue);
            }
            return "+OK filter deleted. [" + delHeader + "][" + (delValue == null ? "" : delValue) + "]";
        }
        if (value == null || header.isEmpty()) {
            return "-ERR invalid syntax";
        }
        if (header.equalsIgnoreCase("add")) {
            String[] add = value.split(" ", 2);
            header = add[0];
            value = add.length > 1 ? add[1] : "";
        }
        filters.add(header, value);
        return "+OK filter added. [" + header + "]=[" + value + "]";
    }

    private String log(String level) {
        String name = level.isBlank() ? "" : level.trim();
        int n = name.isEmpty() ? 7 : levelNumber(name);
        if (n < 0) {
            return "-ERR invalid log level";
        }
        logging = true;
        return "+OK log level " + name + " [" + n + "]";
    }

    private String nolog() {
        if (!logging) {
            return "-ERR not loging";
        }
        logging = false;
        return "+OK no longer logging";
    }

    private static int levelNumber(String name) {
        if (name.matches("[0-7]")) {
            return Integer.parseInt(name);
        }
        return LOG_LEVELS.indexOf(name.toLowerCase(Locale.ROOT));
    }

    private static boolean isFormat(String word) {
        return List.of("plain", "json", "xml").contains(word.toLowerCase(Locale.ROOT));
    }

    static List<String> words(String text) {
        return Arrays.stream(text.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
    }
}
