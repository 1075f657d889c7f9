package io.outdial.activities.esl;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * One ESL socket from greeting to close: authenticates, applies the per-node filter, then matches
 * replies to commands in order and hands events to the listener. A new session is made for every
 * (re)connect, so nothing of an old socket leaks into a new one.
 */
final class EslSession extends ChannelInboundHandlerAdapter {

    /** Told when this session becomes ready and when it ends. */
    interface Owner {
        void sessionReady(EslSession session);

        void sessionEnded(EslSession session, EslAuthException authFailure);
    }

    private static final Logger log = LoggerFactory.getLogger(EslSession.class);

    private final FsNodeEndpoint endpoint;
    private final String nodeTag;
    private final EslSettings settings;
    private final EslListener listener;
    private final Owner owner;
    private final PendingCommands pending = new PendingCommands();

    private volatile Channel channel;
    private volatile boolean ready;
    // below: event loop only
    private boolean greeted;
    private ScheduledFuture<?> greetingTimeout;
    private EslAuthException authFailure;

    EslSession(FsNodeEndpoint endpoint, String nodeTag, EslSettings settings, EslListener listener, Owner owner) {
        this.endpoint = endpoint;
        this.nodeTag = nodeTag;
        this.settings = settings;
        this.listener = listener;
        this.owner = owner;
    }

    boolean isReady() {
        return ready;
    }

    /**
     * Writes one command frame and returns its reply. Fails with {@link EslNotSentException} if the frame
     * could not be written, {@link EslCommandTimeoutException} (and resets the socket) if no reply
     * came within {@code timeout}, {@link EslConnectionLostException} if the socket dropped first.
     */
    CompletableFuture<EslReply> send(String frame, Duration timeout) {
        CompletableFuture<EslReply> reply = new CompletableFuture<>();
        Channel ch = channel;
        if (ch == null) {
            reply.completeExceptionally(new EslNotSentException("not connected to FS node " + endpoint.id()));
            return reply;
        }
        try {
            ch.eventLoop().execute(() -> write(ch, frame, timeout, reply));
        } catch (RejectedExecutionException e) {
            reply.completeExceptionally(new EslNotSentException("ESL client is shut down", e));
        }
        return reply;
    }

    private void write(Channel ch, String frame, Duration timeout, CompletableFuture<EslReply> reply) {
        if (!ch.isActive()) {
            reply.completeExceptionally(new EslNotSentException("not connected to FS node " + endpoint.id()));
            return;
        }
        ScheduledFuture<?> timer = ch.eventLoop().schedule(() -> {
            if (reply.completeExceptionally(new EslCommandTimeoutException(endpoint.id(), timeout))) {
                log.warn("FS node {}: no reply within {} ms, resetting the connection", endpoint.id(),
                        timeout.toMillis());
                ch.close();
            }
        }, timeout.toNanos(), TimeUnit.NANOSECONDS);
        pending.add(reply, timer);
        ch.writeAndFlush(Unpooled.copiedBuffer(frame, StandardCharsets.UTF_8)).addListener(written -> {
            if (!written.isSuccess()) {
                reply.completeExceptionally(new EslNotSentException("write to FS node " + endpoint.id()
                        + " failed", written.cause()));
                ch.close();
            }
        });
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        channel = ctx.channel();
        greetingTimeout = ctx.executor().schedule(() -> {
            log.warn("FS node {}: no ESL greeting within {} ms", endpoint.id(), settings.connectTimeout().toMillis());
            ctx.close();
        }, settings.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        EslFrame frame = (EslFrame) msg;
        switch (frame.contentType()) {
            case "auth/request" -> onGreeting();
            case "command/reply", "api/response" -> {
                if (!pending.complete(new EslReply(frame.headers(), frame.body()))) {
                    log.warn("FS node {}: reply with no pending command, resetting", endpoint.id());
                    ctx.close();
                }
            }
            case "text/event-plain" -> deliver(PlainEventParser.parse(frame.body()));
            case "text/event-json" -> deliver(JsonEventParser.parse(frame.body()));
            case "text/disconnect-notice" -> log.info("FS node {}: disconnect notice", endpoint.id());
            case "text/rude-rejection" -> log.error("FS node {}: event socket ACL refused this host", endpoint.id());
            default -> log.debug("FS node {}: ignoring frame of type {}", endpoint.id(), frame.contentType());
        }
    }

    private void deliver(EslEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.error("FS node {}: event listener failed on {}", endpoint.id(), event.name(), e);
        }
    }

    private void onGreeting() {
        if (greeted) {
            return;
        }
        greeted = true;
        greetingTimeout.cancel(false);
        send("auth " + endpoint.password() + "\n\n", settings.commandTimeout()).whenComplete((reply, error) -> {
            if (error != null) {
                return; // the socket is already being reset
            }
            if (!reply.isOk()) {
                authFailure = new EslAuthException(endpoint.id(), String.valueOf(reply.replyText()));
                log.error(authFailure.getMessage());
                channel.close();
                return;
            }
            subscribe();
        });
    }

    private void subscribe() {
        List<CompletableFuture<EslReply>> replies = NodeFilter.commands(nodeTag).stream()
                .map(command -> send(command + "\n\n", settings.commandTimeout()))
                .toList();
        CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> {
            if (error != null) {
                return;
            }
            for (CompletableFuture<EslReply> reply : replies) {
                EslReply answer = reply.join();
                if (!answer.isOk()) {
                    log.error("FS node {}: filter or subscription refused: {}", endpoint.id(), answer.replyText());
                    channel.close();
                    return;
                }
            }
            ready = true;
            owner.sessionReady(this);
        });
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            log.warn("FS node {}: silent for {} ms, treating the connection as lost", endpoint.id(),
                    settings.silenceTimeout().toMillis());
            ctx.close();
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("FS node {}: ESL connection error, closing: {}", endpoint.id(), cause.toString());
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        boolean wasReady = ready;
        ready = false;
        if (greetingTimeout != null) {
            greetingTimeout.cancel(false);
        }
        pending.failAll(new EslConnectionLostException(endpoint.id()));
        if (wasReady) {
            try {
                listener.onConnectionLost();
            } catch (RuntimeException e) {
                log.error("FS node {}: listener failed on connection loss", endpoint.id(), e);
            }
        }
        owner.sessionEnded(this, authFailure);
        super.channelInactive(ctx);
    }
}
