package io.outdial.app.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class CsvTaskReaderTest {

    @Test
    void readsColumnsInAnyOrderWithTheLineEachRowStartsOn() {
        assertThat(rows("external_id,external_ref,phone_number\r\nid-1,\"two\r\nlines\",+15550100001\r\n\r\nid-2,,5550100002"))
                .containsExactly(
                        new RawRow(2, "+15550100001", "id-1", "two\r\nlines"),
                        new RawRow(5, "5550100002", "id-2", ""));
    }

    @Test
    void quotedFieldsHoldCommasAndDoubledQuotes() {
        assertThat(rows("phone_number,external_ref\n\"+1 555 010 0001\",\"a, \"\"b\"\"\"\n"))
                .containsExactly(new RawRow(2, "+1 555 010 0001", null, "a, \"b\""));
    }

    @Test
    void aByteOrderMarkAndHeaderCaseAndSpacesAreAccepted() {
        assertThat(rows("\uFEFF Phone_Number \n+15550100001\n"))
                .containsExactly(new RawRow(2, "+15550100001", null, null));
    }

    @Test
    void overlongFieldsAreCutSoTheyStayInvalidWithoutFillingMemory() {
        List<RawRow> rows = rows("phone_number\n" + "9".repeat(5_000_000) + "\n");
        assertThat(rows.get(0).phoneNumber()).hasSize(CsvTaskReader.MAX_FIELD_CHARS);
    }

    @Test
    void structuralErrorsAreMalformedBodyProblemsNamingTheLine() {
        assertMalformed(() -> rows(""), 1, "empty");
        assertMalformed(() -> rows("phone_number\n"), 2, "no data rows");
        assertMalformed(() -> rows("phone_number,name\n1\n"), 1, "header column 2");
        assertMalformed(() -> rows("phone_number,phone_number\n1,2\n"), 1, "repeats");
        assertMalformed(() -> rows("external_id\nx\n"), 1, "no phone_number");
        assertMalformed(() -> rows("phone_number\n+15550100001\n+15550100002,x\n"), 3, "fields");
        assertMalformed(() -> rows("phone_number\n+15550100001\n\"+15550100002\n+1555\n"), 3, "not closed");
        assertMalformed(() -> rows("phone_number\n\"+1555\"0100001\n"), 2, "closing quote");
        assertMalformed(() -> rows("phone_number\n+1555\"0100001\n"), 2, "quote inside");
    }

    @Test
    void invalidUtf8IsRejectedWithItsLine() {
        byte[] latin1 = "phone_number,external_ref\n+15550100001,ok\n+15550100002,caf\u00e9\n"
                .getBytes(StandardCharsets.ISO_8859_1);
        assertMalformed(() -> rows(latin1), 3, "UTF-8");
        byte[] utf16 = "phone_number\n+15550100001\n".getBytes(StandardCharsets.UTF_16);
        assertMalformed(() -> rows(utf16), 1, "UTF-8");
    }

    @Test
    void moreRowsThanTheLimitIsAPayloadTooLargeProblem() {
        CsvTaskReader reader = new CsvTaskReader(stream("phone_number\n1\n2\n3\n".getBytes(StandardCharsets.UTF_8)), 2);
        reader.next();
        reader.next();
        assertThatThrownBy(reader::next).isInstanceOfSatisfying(ApiProblem.class,
                problem -> assertThat(problem.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
    }

    @Test
    void moreBytesThanTheLimitIsAPayloadTooLargeProblem() {
        byte[] body = ("phone_number\n" + "+15550100001\n".repeat(10_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> drain(new CsvTaskReader(new BoundedInputStream(stream(body), 50_000), 1_000_000)))
                .isInstanceOfSatisfying(ApiProblem.class,
                        problem -> assertThat(problem.type()).isEqualTo(ProblemType.PAYLOAD_TOO_LARGE));
    }

    private static void assertMalformed(ThrowingCallable read, long line, String detail) {
        assertThatThrownBy(read).isInstanceOfSatisfying(ApiProblem.class, problem -> {
            assertThat(problem.type()).isEqualTo(ProblemType.MALFORMED_BODY);
            assertThat(problem.getMessage()).contains("line " + line).contains(detail);
            assertThat(problem.properties()).containsEntry("line", line);
        });
    }

    private static List<RawRow> rows(String csv) {
        return rows(csv.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RawRow> rows(byte[] csv) {
        return drain(new CsvTaskReader(stream(csv), 1_000_000));
    }

    private static List<RawRow> drain(CsvTaskReader reader) {
        List<RawRow> rows = new ArrayList<>();
        for (RawRow row = reader.next(); row != null; row = reader.next()) {
            rows.add(row);
        }
        return rows;
    }

    private static ByteArrayInputStream stream(byte[] bytes) {
        return new ByteArrayInputStream(bytes);
    }
}
