package io.outdial.fssim.esl;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The events a connection asked for ({@code event}, {@code nixevent}, {@code noevents}) and their format. */
public final class Subscription {

    /** Event serialisation formats of {@code event plain|json}. */
    public enum Format { PLAIN, JSON }

    private final Set<String> names = new HashSet<>();
    private boolean all;
    private Format format = Format.PLAIN;

    /** Adds names (or ALL) and switches the format, as {@code event <format> <names>} does. */
    public synchronized void add(Format newFormat, Iterable<String> eventNames) {
        format = newFormat;
        for (String n : eventNames) {
            String upper = n.toUpperCase(Locale.ROOT);
            if (upper.equals("ALL")) {
                all = true;
            } else if (!upper.contains("::")) {
                names.add(upper);
            }
        }
    }

    public synchronized void remove(Iterable<String> eventNames) {
        for (String n : eventNames) {
            String upper = n.toUpperCase(Locale.ROOT);
            if (upper.equals("ALL")) {
                all = false;
                names.clear();
            } else {
                names.remove(upper);
            }
        }
    }

    public synchronized void clear() {
        all = false;
        names.clear();
    }

    public synchronized boolean wants(String eventName) {
        return all || names.contains(eventName);
    }

    public synchronized Format format() {
        return format;
    }
}
