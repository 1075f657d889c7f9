package io.outdial.app.task;

import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a task CSV as it streams in (RFC 4180): a header row naming the columns {@code phone_number}
 * (required), {@code external_id} and {@code external_ref} in any order, then one task per row. Quoted
 * fields may hold commas, quotes ({@code ""}) and line breaks. Empty lines are skipped. UTF-8 only (a BOM
 * is accepted). A structural error (unclosed quote, wrong column count, bad header, invalid UTF-8, no data
 * rows) is a 400 {@code malformed-body} problem naming the line; more than {@code maxRows} rows or bytes
 * over the body limit are a 413.
 */
final class CsvTaskReader implements RowSource {

    /** Longer fields are cut here: they are invalid anyway, and memory stays bounded. */
    static final int MAX_FIELD_CHARS = 1_000;

    private static final List<String> COLUMNS = List.of("phone_number", "external_id", "external_ref");

    private final Reader reader;
    private final long maxRows;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;

    private long line = 1;
    private long rows;
    private int phoneColumn = -1;
    private int externalIdColumn = -1;
    private int externalRefColumn = -1;
    private int columnCount;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    CsvTaskReader(InputStream body, long maxRows) {
        this.reader = new StrictUtf8Reader(body);
        this.maxRows = maxRows;
        readHeader();
    }

    @Override
    public FieldNaming naming() {
        return FieldNaming.CSV;
    }

    @Override
    public boolean listsTaskIds() {
        return false;
    }

    @Override
    public RawRow next() {
        long start = readRecord();
        if (start < 0) {
            if (rows == 0) {
                throw malformed(line, "the CSV has a header but no data rows");
            }
            return null;
        }
        if (fields.size() != columnCount) {
            throw malformed(start, "the row has " + fields.size() + " fields, the header " + columnCount);
        }
        if (++rows > maxRows) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE,
                    "An upload holds at most " + maxRows + " rows; line " + start + " is one too many",
                    Map.of("line", start));
        }
        return new RawRow(start, fields.get(phoneColumn), column(externalIdColumn), column(externalRefColumn));
    }

    private String column(int index) {
        return index < 0 ? null : fields.get(index);
    }

    private void readHeader() {
        if (peek() == '\uFEFF') {
            position++;
        }
        long start = readRecord();
        if (start < 0) {
            throw malformed(1, "the body is empty: a header row naming the columns is required");
        }
        columnCount = fields.size();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).strip().toLowerCase(Locale.ROOT);
            int known = COLUMNS.indexOf(name);
            if (known < 0) {
                throw malformed(start, "header column " + (i + 1) + " is not one of " + String.join(", ", COLUMNS));
            }
            int[] slot = {phoneColumn, externalIdColumn, externalRefColumn};
            if (slot[known] >= 0) {
                throw malformed(start, "header column " + (i + 1) + " repeats " + COLUMNS.get(known));
            }
            switch (known) {
                case 0 -> phoneColumn = i;
                case 1 -> externalIdColumn = i;
                default -> externalRefColumn = i;
            }
        }
        if (phoneColumn < 0) {
            throw malformed(start, "the header has no phone_number column");
        }
    }

    /**
     * Reads the next record into {@link #fields}; returns the line it starts on, or -1 at the end. Empty
     * lines are skipped.
     */
    private long readRecord() {
        fields.clear();
        field.setLength(0);
        int c = read();
        while (c == '\n' || c == '\r') {
            endOfLine(c);
            c = read();
        }
        if (c < 0) {
            return -1;
        }
        long start = line;
        while (true) {
            if (c == '"') {
                readQuoted(start);
                c = read();
                if (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                    throw malformed(line, "text follows a closing quote");
                }
            } else {
                while (c != ',' && c != '\n' && c != '\r' && c >= 0) {
                    if (c == '"') {
                        throw malformed(line, "a quote inside an unquoted field (quote the whole field)");
                    }
                    append((char) c);
                    c = read();
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (c == ',') {
                c = read();
                continue;
            }
            if (c >= 0) {
                endOfLine(c);
            }
            return start;
        }
    }

    /** Reads a quoted field's content up to and including its closing quote. */
    private void readQuoted(long start) {
        while (true) {
            int c = read();
            if (c < 0) {
                throw malformed(start, "a quoted field is not closed");
            }
            if (c == '"') {
                if (peek() == '"') {
                    position++;
                    append('"');
                    continue;
                }
                return;
            }
            if (c == '\n' || (c == '\r' && peek() != '\n')) {
                line++;
            }
            append((char) c);
        }
    }

    private void endOfLine(int c) {
        if (c == '\r' && peek() == '\n') {
            position++;
        }
        line++;
    }

    private void append(char c) {
        if (field.length() < MAX_FIELD_CHARS) {
            field.append(c);
        }
    }

    private int read() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position++];
    }

    private int peek() {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position];
    }

    private boolean fill() {
        try {
            int n = reader.read(buffer, 0, buffer.length);
            if (n <= 0) {
                return false;
            }
            position = 0;
            limit = n;
            return true;
        } catch (BoundedInputStream.TooLarge e) {
            throw new ApiProblem(ProblemType.PAYLOAD_TOO_LARGE, "The upload is too large: " + e.getMessage());
        } catch (CharacterCodingException e) {
            throw malformed(line, "the body is not valid UTF-8 (send the CSV as UTF-8)");
        } catch (IOException e) {
            throw new ApiProblem(ProblemType.MALFORMED_BODY, "The request body could not be read");
        }
    }

    private static ApiProblem malformed(long line, String what) {
        return new ApiProblem(ProblemType.MALFORMED_BODY, "Malformed CSV at line " + line + ": " + what,
                Map.of("line", line));
    }
}
