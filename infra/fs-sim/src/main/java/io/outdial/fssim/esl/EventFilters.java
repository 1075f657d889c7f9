package io.outdial.fssim.esl;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A connection's event filters, with mod_event_socket's semantics:
 * <ul>
 *   <li>no filters: every subscribed event passes;</li>
 *   <li>otherwise an event passes only if some include filter matches and no exclude filter
 *       ({@code -value}) matched before the decision;</li>
 *   <li>a filter on a header the event lacks is skipped;</li>
 *   <li>a value starting with {@code /} is a regular expression between slashes (found anywhere in
 *       the header value); other values compare case-insensitively.</li>
 * </ul>
 * Thread-safe: filters change on the connection's thread and are read by event publishers.
 */
public final class EventFilters {

    private record Filter(String header, String value, boolean include, String compareTo, Pattern regex) {
    }

    private final List<Filter> filters = new ArrayList<>();

    public synchronized void add(String header, String value) {
        filters.add(compile(header, value));
    }

    /** Deletes filters on {@code header} with this value, or all its filters when value is null. */
    public synchronized void delete(String header, String value) {
        Iterator<Filter> it = filters.iterator();
        while (it.hasNext()) {
            Filter f = it.next();
            if (f.header().equalsIgnoreCase(header) && (value == null || f.value().equals(value))) {
                it.remove();
            }
        }
    }

    public synchronized void clear() {
        filters.clear();
    }

    public synchronized int size() {
        return filters.size();
    }

    /** Mirrors the filter loop of mod_event_socket's event_handler. */
    public synchronized boolean accepts(EslEvent event) {
        if (filters.isEmpty()) {
            return true;
        }
        boolean send = false;
        for (Filter f : filters) {
            String actual = event.header(f.header());
            if (actual == null) {
                continue;
            }
            if (send && f.include()) {
                continue;
            }
            boolean match = f.regex() != null
                    ? f.regex().matcher(actual).find()
                    : actual.equalsIgnoreCase(f.compareTo());
            if (match) {
                if (f.include()) {
                    send = true;
                } else {
                    return false;
                }
            }
        }
        return send;
    }

    private static Filter compile(String header, String value) {
        boolean include = true;
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c == '+') {
                include = true;
            } else if (c == '-') {
                include = false;
            } else if (c != ' ') {
                break;
            }
            i++;
        }
        String compareTo = value.substring(i);
        Pattern regex = value.startsWith("/") ? regex(compareTo) : null;
        return new Filter(header, value, include, compareTo, regex);
    }

    /** {@code /expr/flags} as switch_regex_perform reads it; an invalid pattern never matches. */
    private static Pattern regex(String text) {
        String expr = text;
        int flags = 0;
        int last = text.lastIndexOf('/');
        if (text.startsWith("/") && last > 0) {
            expr = text.substring(1, last);
            String opts = text.substring(last + 1);
            if (opts.contains("i")) {
                flags |= Pattern.CASE_INSENSITIVE;
            }
            if (opts.contains("s")) {
                flags |= Pattern.DOTALL;
            }
            if (opts.contains("m")) {
                flags |= Pattern.MULTILINE;
            }
        }
        try {
            return Pattern.compile(expr, flags);
        } catch (PatternSyntaxException e) {
            return Pattern.compile("(?!)");
        }
    }
}
