package io.outdial.activities.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import redis.clients.jedis.JedisPooled;
import redis.embedded.RedisServer;

/** One embedded Redis per JVM on a free port, started on first use and stopped when the JVM exits. */
public final class RedisFixture {

    private RedisFixture() {
    }

    /** A pooled client of the embedded Redis. */
    public static JedisPooled jedis() {
        return Holder.JEDIS;
    }

    /** The port the embedded Redis listens on (127.0.0.1). */
    public static int port() {
        return Holder.PORT;
    }

    /** Removes every key. */
    public static void clean() {
        jedis().flushAll();
    }

    private static final class Holder {
        static final int PORT = freePort();
        static final JedisPooled JEDIS = start();

        private static JedisPooled start() {
            try {
                RedisServer server = new RedisServer(PORT);
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.stop();
                    } catch (IOException ignored) {
                        // the JVM is exiting anyway
                    }
                }, "embedded-redis-stop"));
                return new JedisPooled("127.0.0.1", PORT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static int freePort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
