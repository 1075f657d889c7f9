package io.outdial.fssim.esl;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The events a connection asked for and their format, changed by {@code event}, {@code nixevent} and
 * {@code noevents} exactly as mod_event_socket changes its event list.
 */
public final class Subscription {

    /** Event serialisation formats of {@code event plain|json}. */
    public enum Format { PLAIN, JSON }

    private final Set<String> names = new HashSet<>();
    private boolean all;
    private boolean listening;
    private Format format = Format.PLAIN;

    /** Adds known event names (or ALL); returns how many were known ("keywords"). */
    public synchronized int add(List<String> eventNames) {
        int known = 0;
        boolean custom = false;
        for (String word : eventNames) {
            if (custom) {
                continue;
            }
            Optional<String> name = EventNames.canonical(word);
            if (name.isEmpty()) {
                continue;
            }
            known++;
            if (name.get().equals("ALL")) {
                all = true;
            } else {
                names.add(name.get());
            }
            custom = name.get().equals("CUSTOM");
        }
        if (known > 0) {
            listening = true;
        }
        return known;
    }

    /** Removes known event names; nixing one event while subscribed to ALL keeps every other one. */
    public synchronized int remove(List<String> eventNames) {
        int known = 0;
        for (String word : eventNames) {
            Optional<String> name = EventNames.canonical(word);
            if (name.isEmpty()) {
                continue;
            }
            known++;
            if (name.get().equals("ALL")) {
                all = false;
                names.clear();
            } else {
                if (all) {
                    all = false;
                    names.addAll(EventNames.KNOWN);
                    names.remove("ALL");
                }
                names.remove(name.get());
            }
        }
        if (known > 0) {
            listening = true;
        }
        return known;
    }

    /** {@code noevents}: false when the connection was not listening. */
    public synchronized boolean clear() {
        boolean was = listening;
        listening = false;
        all = false;
        names.clear();
        return was;
    }

    public synchronized void format(Format newFormat) {
        format = newFormat;
    }

    public synchronized boolean wants(String eventName) {
        return listening && (all || names.contains(eventName));
    }

    public synchronized Format format() {
        return format;
    }
}
