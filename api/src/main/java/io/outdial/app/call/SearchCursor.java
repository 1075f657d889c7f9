package io.outdial.app.call;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The opaque cursor of a call search: the last task id of the page read, so the next page starts after
 * it (keyset pagination: stable while tasks are added, no offset to scan past).
 */
final class SearchCursor {

    private static final String PREFIX = "v1:";
    private static final Pattern BODY = Pattern.compile("^v1:[0-9]{1,18}$");

    private SearchCursor() {
    }

    static String encode(long lastTaskId) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + lastTaskId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The last task id read, or {@code null} if the cursor is not one this API handed out. */
    static Long decode(String cursor) {
        if (cursor.length() > 40) {
            return null;
        }
        String body;
        try {
            body = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return null;
        }
        return BODY.matcher(body).matches() ? Long.parseLong(body.substring(PREFIX.length())) : null;
    }
}
