package io.outdial.activities.esl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

/**
 * A tiny scripted FreeSWITCH for tests, on 127.0.0.1 and an ephemeral port: greets, checks the password,
 * acknowledges filters and {@code event plain}, and hands every other command to a script. It records
 * every client frame byte for byte, per connection. Plain blocking sockets, one daemon thread each.
 */
final class ScriptedEslServer implements AutoCloseable {

    /** One accepted client socket. */
    final class Connection {
        private final Socket socket;
        private final OutputStream out;
        final List<String> received = new CopyOnWriteArrayList<>();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        /** Writes raw bytes of one or more frames. */
        synchronized void send(String frames) {
            try {
                out.write(frames.getBytes(StandardCharsets.UTF_8));
                out.flush();
            } catch (IOException e) {
                // the client went away; the test will notice
            }
        }

        void drop() {
            try {
                socket.close();
            } catch (IOException e) {
                // already closed
            }
        }

        boolean isClosed() {
            return socket.isClosed();
        }
    }

    private final String password;
    private final ServerSocket server;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private volatile BiConsumer<Connection, String> script = (connection, frame) -> { };
    private volatile boolean silent;

    ScriptedEslServer(String password) throws IOException {
        this.password = password;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "scripted-esl-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    FsNodeEndpoint endpoint(String nodeId, String pass) {
        return new FsNodeEndpoint(nodeId, "127.0.0.1", port(), pass);
    }

    /** Handles commands other than auth, filter and event: (connection, the raw frame). Runs on the reader thread. */
    void script(BiConsumer<Connection, String> script) {
        this.script = script;
    }

    /** When silent, the server still reads but answers nothing at all, like a hung FreeSWITCH. */
    void silent(boolean silent) {
        this.silent = silent;
    }

    List<Connection> connections() {
        return connections;
    }

    Connection lastConnection() {
        return connections.get(connections.size() - 1);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Connection connection = new Connection(socket);
                connections.add(connection);
                Thread reader = new Thread(() -> serve(connection), "scripted-esl-conn");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Connection connection) {
        connection.send("Content-Type: auth/request\n\n");
        try (InputStream in = connection.socket.getInputStream()) {
            String frame;
            while ((frame = readFrame(in)) != null) {
                connection.received.add(frame);
                if (!silent) {
                    answer(connection, frame);
                }
            }
        } catch (IOException e) {
            // connection closed
        } finally {
            connection.drop();
        }
    }

    private void answer(Connection connection, String frame) {
        String firstLine = frame.substring(0, frame.indexOf('\n'));
        if (firstLine.startsWith("auth ")) {
            if (firstLine.substring(5).equals(password)) {
                connection.send(EslFrames.reply("+OK accepted"));
            } else {
                connection.send(EslFrames.reply("-ERR invalid") + "Content-Type: text/disconnect-notice\n"
                        + "Content-Length: 67\n\nDisconnected, goodbye.\nSee you at ClueCon! http://www.cluecon.com/\n");
                connection.drop();
            }
        } else if (firstLine.startsWith("filter ")) {
            String[] parts = firstLine.split(" ", 3);
            connection.send(EslFrames.reply("+OK filter added. [" + parts[1] + "]=[" + parts[2] + "]"));
        } else if (firstLine.startsWith("event plain ")) {
            connection.send(EslFrames.reply("+OK event listener enabled plain"));
        } else {
            script.accept(connection, frame);
        }
    }

    /** Reads one client frame (headers up to a blank line; our client never sends a body), or null at EOF. */
    private static String readFrame(InputStream in) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        int previous = -1;
        int b;
        while ((b = in.read()) >= 0) {
            frame.write(b);
            if (b == '\n' && previous == '\n') {
                return frame.toString(StandardCharsets.UTF_8);
            }
            previous = b;
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.forEach(Connection::drop);
    }
}
