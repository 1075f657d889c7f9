package io.outdial.app.dev;

import io.outdial.workflows.common.SearchAttributes;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code temporal server start-dev} child process, with our search attributes registered. */
final class TemporalDevServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TemporalDevServer.class);

    private final Process process;
    private final String target;

    private TemporalDevServer(Process process, String target) {
        this.process = process;
        this.target = target;
    }

    static TemporalDevServer start(Path cli, DevProperties properties) throws IOException {
        if (portAnswers(properties.temporalPort())) {
            // most likely the dev server of an earlier run that was killed before it could stop its child
            log.warn("Something already listens on 127.0.0.1:{}; using it as the Temporal frontend",
                    properties.temporalPort());
            return new TemporalDevServer(null, "127.0.0.1:" + properties.temporalPort());
        }
        Path dataDir = properties.dataDir().toAbsolutePath();
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(cli.toString(), "server", "start-dev",
                "--ip", "127.0.0.1",
                "--port", String.valueOf(properties.temporalPort()),
                "--ui-port", String.valueOf(properties.temporalUiPort())));
        if (properties.persistent()) {
            command.add("--db-filename");
            command.add(dataDir.resolve("temporal.db").toString());
        }
        SearchAttributes.ALL.forEach(key -> {
            command.add("--search-attribute");
            command.add(key.getName() + "=" + cliType(key.getValueType().name()));
        });
        command.addAll(properties.temporalArgs());
        Path logFile = dataDir.resolve("temporal.log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        TemporalDevServer server = new TemporalDevServer(process, "127.0.0.1:" + properties.temporalPort());
        try {
            server.awaitFrontend(properties.startupTimeout(), logFile);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        log.info("Temporal dev server on {}; Web UI: http://127.0.0.1:{} (log: {})",
                server.target, properties.temporalUiPort(), logFile);
        return server;
    }

    /** The gRPC target of the frontend, {@code host:port}. */
    String target() {
        return target;
    }

    private void awaitFrontend(Duration timeout, Path logFile) {
        Instant deadline = Instant.now().plus(timeout);
        WorkflowServiceStubsOptions options = WorkflowServiceStubsOptions.newBuilder().setTarget(target).build();
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("temporal server start-dev exited with " + process.exitValue()
                        + "; see " + logFile);
            }
            try {
                WorkflowServiceStubs.newConnectedServiceStubs(options, Duration.ofSeconds(2)).shutdownNow();
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw new IllegalStateException("Temporal dev server did not answer on " + target + " within " + timeout
                + "; see " + logFile, last);
    }

    /** Maps an IndexedValueType name (INDEXED_VALUE_TYPE_KEYWORD) to the CLI's type name (Keyword). */
    private static String cliType(String indexedValueType) {
        String word = indexedValueType.replace("INDEXED_VALUE_TYPE_", "").toLowerCase(Locale.ROOT);
        return word.equals("keyword_list") ? "KeywordList" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }

    private static boolean portAnswers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
