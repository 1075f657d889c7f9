package io.outdial.activities.esl;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The ESL client of one FreeSWITCH node: connects, authenticates, applies this app node's filter before
 * subscribing, and reconnects after a drop with capped exponential backoff (after a refused password:
 * every {@link EslSettings#reconnectMaxBackoff()}, surfaced as {@link #authFailure()}). Every command
 * has a timeout; a timed-out command resets the socket, since its late reply would answer the wrong
 * command. Thread-safe.
 */
public final class EslConnection implements AutoCloseable, EslSession.Owner {

    private static final Logger log = LoggerFactory.getLogger(EslConnection.class);
    private static final long MIN_BACKOFF_MS = 100;

    private final FsNodeEndpoint endpoint;
    private final String nodeTag;
    private final EslSettings settings;
    private final EventLoopGroup group;
    private final EslListener listener;

    private volatile EslSession session;
    private volatile EslAuthException authFailure;
    private volatile boolean closed;
    // guarded by this
    private Channel channel;
    private ScheduledFuture<?> reconnect;
    private int failedAttempts;
    private long readySinceNanos;

    /**
     * @param endpoint the FS node
     * @param nodeTag  this app node's tag ({@code dialer_node}); only its calls' events are received
     * @param settings timeouts and backoff
     * @param group    the Netty event loops to run on; owned by the caller
     * @param listener receives events and connection loss, on the event loop
     */
    public EslConnection(FsNodeEndpoint endpoint, String nodeTag, EslSettings settings, EventLoopGroup group,
                         EslListener listener) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.nodeTag = OriginateCommand.requireNodeTag(nodeTag);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.group = Objects.requireNonNull(group, "group");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Starts connecting in the background and returns at once; the connection then keeps itself up. */
    public void start() {
        connect();
    }

    public String nodeId() {
        return endpoint.id();
    }

    /** Whether the socket is up, authenticated and filtered, so commands can be sent. */
    public boolean isReady() {
        return readySession() != null;
    }

    /** The last refused authentication, or {@code null} if the last attempt was accepted or none failed. */
    public EslAuthException authFailure() {
        return authFailure;
    }

    /**
     * Runs {@code api <command>} and returns its output. This blocks FreeSWITCH's reading of this socket
     * until done: use it for quick commands only, never {@code originate}.
     */
    public CompletableFuture<String> api(String command, Duration timeout) {
        requireOneLine(command, "command");
        return sendWhenReady("api " + command + "\n\n", timeout, session).thenApply(EslReply::body);
    }

    /**
     * Runs {@code bgapi <command>} under the given Job-UUID. Completes with the {@code +OK Job-UUID} reply
     * (fails with {@link EslCommandRejectedException} on {@code -ERR}); the job's result arrives later
     * as a BACKGROUND_JOB event carrying that Job-UUID.
     */
    public CompletableFuture<EslReply> bgapi(String command, String jobUuid, Duration timeout) {
        return bgapi(command, jobUuid, timeout, session);
    }

    /**
     * Like {@link #bgapi(String, String, Duration)}, but only on the socket {@code on} (from
     * {@link #readySession()}): if that socket is gone, fails with {@link EslNotSentException} even when a
     * newer one is up, so a watcher subscribed while {@code on} was current never mistakes its loss for
     * the loss of its call.
     */
    CompletableFuture<EslReply> bgapi(String command, String jobUuid, Duration timeout, EslSession on) {
        requireOneLine(command, "command");
        UUID.fromString(jobUuid);
        return sendWhenReady("bgapi " + command + "\nJob-UUID: " + jobUuid + "\n\n", timeout, on).thenApply(reply -> {
            if (!reply.isOk()) {
                throw new EslCommandRejectedException(String.valueOf(reply.replyText()));
            }
            return reply;
        });
    }

    /** The current socket if it is ready, else {@code null}. */
    EslSession readySession() {
        EslSession current = session;
        return current != null && current.isReady() ? current : null;
    }

    private CompletableFuture<EslReply> sendWhenReady(String frame, Duration timeout, EslSession on) {
        if (closed || on == null || on != session || !on.isReady()) {
            return CompletableFuture.failedFuture(new EslNotSentException("FS node " + endpoint.id() + " is not connected"));
        }
        return on.send(frame, timeout);
    }

    private static void requireOneLine(String command, String field) {
        Objects.requireNonNull(command, field);
        if (command.isBlank() || command.indexOf('\n') >= 0 || command.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(field + ": must be one non-blank line");
        }
    }

    private synchronized void connect() {
        reconnect = null;
        if (closed) {
            return;
        }
        EslSession next = new EslSession(endpoint, nodeTag, settings, listener, this);
        session = next;
        ChannelFuture connecting = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(
                                new IdleStateHandler(settings.silenceTimeout().toMillis(), 0, 0, TimeUnit.MILLISECONDS),
                                new EslFrameDecoder(),
                                next);
                    }
                })
                .connect(endpoint.host(), endpoint.port());
        channel = connecting.channel();
        connecting.addListener(done -> {
            if (!done.isSuccess()) {
                log.warn("FS node {}: connect to {}:{} failed: {}", endpoint.id(), endpoint.host(), endpoint.port(),
                        done.cause() == null ? "cancelled" : done.cause().toString());
                scheduleReconnect(false);
            }
        });
    }

    @Override
    public synchronized void sessionReady(EslSession ready) {
        readySinceNanos = System.nanoTime();
        authFailure = null;
        log.info("FS node {}: ESL connected and filtered for node tag {}", endpoint.id(), nodeTag);
    }

    @Override
    public synchronized void sessionEnded(EslSession ended, EslAuthException refused) {
        if (refused != null) {
            authFailure = refused;
        }
        // the backoff starts over only after a connection that held for a while, so a node that
        // accepts and drops at once is not hammered
        if (readySinceNanos != 0 && System.nanoTime() - readySinceNanos >= settings.reconnectMaxBackoff().toNanos()) {
            failedAttempts = 0;
        }
        readySinceNanos = 0;
        if (session == ended) {
            scheduleReconnect(refused != null);
        }
    }

    private synchronized void scheduleReconnect(boolean afterAuthFailure) {
        if (closed || reconnect != null) {
            return;
        }
        long maxMs = settings.reconnectMaxBackoff().toMillis();
        long delayMs;
        if (afterAuthFailure) {
            delayMs = maxMs;
        } else {
            long backoff = MIN_BACKOFF_MS << Math.min(failedAttempts, 20);
            delayMs = (long) (Math.min(maxMs, backoff) * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
            failedAttempts++;
        }
        log.info("FS node {}: reconnecting in {} ms", endpoint.id(), delayMs);
        reconnect = group.schedule(this::connect, delayMs, TimeUnit.MILLISECONDS);
    }

    /** Closes the socket and stops reconnecting. In-flight calls see the connection lost. */
    @Override
    public void close() {
        Channel open;
        synchronized (this) {
            closed = true;
            if (reconnect != null) {
                reconnect.cancel(false);
                reconnect = null;
            }
            open = channel;
        }
        if (open != null) {
            open.close();
        }
    }
}
