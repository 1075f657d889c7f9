package io.outdial.app.task;

import io.outdial.activities.tasks.PhoneNumberNormaliser;
import io.outdial.app.task.TaskUploadResult.RowError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Validates rows and encodes the valid ones for {@code COPY task_upload (line, phone_number, external_id,
 * external_ref) FROM STDIN} (text format). Messages say what is wrong, never the value. Thread-safe.
 */
final class RowChecker {

    /** The schema's check on call_tasks.external_id. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\x21-\\x7E]{1,100}$");
    static final int MAX_EXTERNAL_REF = 200;

    private final PhoneNumberNormaliser normaliser;
    private final String region;
    private final FieldNaming naming;

    RowChecker(PhoneNumberNormaliser normaliser, String region, FieldNaming naming) {
        this.normaliser = normaliser;
        this.region = region;
        this.naming = naming;
    }

    CheckedBatch check(List<RawRow> rows) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream(rows.size() * 48);
        List<RowError> errors = new ArrayList<>();
        StringBuilder line = new StringBuilder(128);
        for (RawRow row : rows) {
            int before = errors.size();
            PhoneNumberNormaliser.Result number = normaliser.normalise(row.phoneNumber(), region);
            if (!number.valid()) {
                errors.add(new RowError(row.line(), naming.phoneNumber(row.line()), number.error()));
            }
            String externalId = emptyToNull(row.externalId());
            if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
                errors.add(new RowError(row.line(), naming.externalId(row.line()),
                        "must be 1 to 100 printable ASCII characters without spaces"));
            }
            String externalRef = emptyToNull(row.externalRef());
            if (externalRef != null && !validRef(externalRef)) {
                errors.add(new RowError(row.line(), naming.externalRef(row.line()),
                        "must be at most " + MAX_EXTERNAL_REF + " characters without control characters"));
            }
            if (errors.size() == before) {
                line.setLength(0);
                line.append(row.line()).append('\t').append(number.e164()).append('\t');
                appendCopyValue(line, externalId);
                line.append('\t');
                appendCopyValue(line, externalRef);
                line.append('\n');
                byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                copy.write(bytes, 0, bytes.length);
            }
        }
        return new CheckedBatch(rows.size(), copy.toByteArray(), errors);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    private static boolean validRef(String ref) {
        if (ref.codePointCount(0, ref.length()) > MAX_EXTERNAL_REF) {
            return false;
        }
        return ref.codePoints().noneMatch(c -> Character.getType(c) == Character.CONTROL
                || c == 0x2028 || c == 0x2029);
    }

    /** COPY text format: {@code \N} for null, backslash escapes for the characters it treats specially. */
    private static void appendCopyValue(StringBuilder out, String value) {
        if (value == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }
}
