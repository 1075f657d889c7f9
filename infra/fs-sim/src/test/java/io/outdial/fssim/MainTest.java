package io.outdial.fssim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines are refused with a clear message and exit code 2. */
class MainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) throws InterruptedException {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void rejectsAnUnknownOption() throws Exception {
        assertThat(run("--nodez", "2")).isEqualTo(2);
        assertThat(errors()).contains("fs-sim: unknown option --nodez").contains("usage:");
    }

    @Test
    void rejectsANonNumericNodeCount() throws Exception {
        assertThat(run("--nodes", "two")).isEqualTo(2);
        assertThat(errors()).contains("--nodes needs a whole number, got 'two'");
    }

    @Test
    void rejectsOutOfRangeValues() throws Exception {
        assertThat(run("--nodes", "0")).isEqualTo(2);
        assertThat(errors()).contains("--nodes must be between 1 and 1000");
        assertThat(run("--esl-port", "70000")).isEqualTo(2);
        assertThat(errors()).contains("--esl-port must be between 0 and 65535");
    }

    @Test
    void rejectsAMissingValue() throws Exception {
        assertThat(run("--http-port")).isEqualTo(2);
        assertThat(errors()).contains("--http-port needs a value");
    }

    @Test
    void rejectsAMissingOrBrokenConfigFile(@TempDir Path dir) throws Exception {
        assertThat(run("--config", dir.resolve("absent.json").toString())).isEqualTo(2);
        assertThat(errors()).contains("cannot read config file");
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"nodes\": \"many\"}");
        assertThat(run("--config", broken.toString())).isEqualTo(2);
        assertThat(errors()).contains("invalid config file");
    }

    @Test
    void printsUsageOnHelp() throws Exception {
        assertThat(run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("--esl-port P");
    }
}
