package io.outdial.fssim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * A bare ESL client over a plain socket, reading whole frames byte-exact; every read has a deadline
 * (socket timeout), so a missing frame fails the test instead of hanging it.
 */
public final class EslTestClient implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private EslTestClient(int port, int timeoutMs) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(timeoutMs);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Connects and returns the client with the greeting not yet read. */
    public static EslTestClient connect(int port) {
        try {
            return new EslTestClient(port, 5000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects, reads the greeting and authenticates with ClueCon. */
    public static EslTestClient login(int port) {
        EslTestClient c = connect(port);
        c.readFrame();
        String reply = c.command("auth ClueCon");
        if (!reply.contains("+OK accepted")) {
            throw new IllegalStateException("auth failed: " + reply);
        }
        return c;
    }

    public void send(String rawFrame) {
        try {
            out.write(rawFrame.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code line} as a command frame and returns the next frame. */
    public String command(String line) {
        send(line + "\n\n");
        return readFrame();
    }

    /** The next whole frame, exactly as received. */
    public String readFrame() {
        try {
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            int prev = -1;
            while (true) {
                int b = in.read();
                if (b < 0) {
                    throw new IllegalStateException("connection closed; partial frame: "
                            + frame.toString(StandardCharsets.UTF_8));
                }
                frame.write(b);
                if (b == '\n' && prev == '\n') {
                    break;
                }
                prev = b;
            }
            String head = frame.toString(StandardCharsets.UTF_8);
            int length = contentLength(head);
            frame.write(in.readNBytes(length));
            return frame.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads frames until one matches; fails when the socket timeout passes first. */
    public String readUntil(Predicate<String> wanted) {
        while (true) {
            String f = readFrame();
            if (wanted.test(f)) {
                return f;
            }
        }
    }

    /** Reads event frames until one named {@code last} arrives; returns all of them in order. */
    public List<String> readEventsUntil(String last) {
        List<String> events = new ArrayList<>();
        while (true) {
            String f = readFrame();
            events.add(f);
            if (eventName(f).equals(last)) {
                return events;
            }
        }
    }

    /** True when no frame arrives within {@code ms}. */
    public boolean quietFor(int ms) {
        try {
            socket.setSoTimeout(ms);
            int b = in.read();
            if (b < 0) {
                return true;
            }
            throw new IllegalStateException("unexpected data: " + (char) b + readFrame());
        } catch (SocketTimeoutException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(5000);
            } catch (IOException ignored) {
                // socket already closed
            }
        }
    }

    /** True when the server closed the connection (end of stream) within the socket timeout. */
    public boolean closedByServer() {
        try {
            return in.read() < 0;
        } catch (IOException e) {
            return true;
        }
    }

    public static String eventName(String frame) {
        String v = WireSamples.eventHeader(frame, "Event-Name");
        return v == null ? "" : v;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\n")) {
            if (line.startsWith("Content-Length: ")) {
                return Integer.parseInt(line.substring(16).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
