package io.outdial.fssim.esl;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One inbound ESL connection, speaking mod_event_socket's protocol: greeting, auth, event
 * subscriptions and filters, api/bgapi, exit. Replies go out in command order, even when an
 * {@code api} command completes later.
 */
public final class EslConnection extends SimpleChannelInboundHandler<EslCommand> {

    private static final Logger log = LoggerFactory.getLogger(EslConnection.class);

    /** mod_event_socket's MAX_QUEUE_LEN: events waiting for a slow reader before new ones are lost. */
    static final int MAX_QUEUE_LEN = 100_000;
    /** mod_event_socket's MAX_MISSED: after this many lost events in a row the listener is killed. */
    static final int MAX_MISSED = 500;

    private final EslBackend backend;
    private final int maxQueueLength;
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger lostInARow = new AtomicInteger();
    private final Subscription subscription = new Subscription();
    private final EventFilters filters = new EventFilters();
    private final ListenerCommands listenerCommands = new ListenerCommands(subscription, filters);
    private volatile Channel channel;
    private volatile boolean authed;
    private CompletableFuture<Void> replies = CompletableFuture.completedFuture(null);
    /** Events wait while an api command runs: FS's listener thread is busy with it, as on the real socket. */
    private int apisRunning;
    private final List<byte[]> heldEvents = new ArrayList<>();

    public EslConnection(EslBackend backend) {
        this(backend, MAX_QUEUE_LEN);
    }

    EslConnection(EslBackend backend, int maxQueueLength) {
        this.backend = backend;
        this.maxQueueLength = maxQueueLength;
    }

    /**
     * Sends the event if this connection subscribed to it and its filters let it through. As in FS, a
     * reader that falls {@value #MAX_QUEUE_LEN} events behind loses new events, and is disconnected
     * after {@value #MAX_MISSED} lost in a row.
     */
    public void deliver(EslEvent event) {
        Channel ch = channel;
        if (ch == null || !authed || !subscription.wants(event.name()) || !filters.accepts(event)) {
            return;
        }
        if (queued.get() >= maxQueueLength) {
            if (lostInARow.incrementAndGet() > MAX_MISSED) {
                log.warn("ESL reader {} too slow: {} events lost, disconnecting", ch.remoteAddress(), MAX_MISSED);
                ch.close();
            }
            return;
        }
        lostInARow.set(0);
        queued.incrementAndGet();
        byte[] frame = subscription.format() == Subscription.Format.JSON ? event.jsonFrame() : event.plainFrame();
        synchronized (this) {
            if (apisRunning > 0) {
                heldEvents.add(frame);
                return;
            }
        }
        write(ch, frame);
        ch.flush();
    }

    /** Writes a frame already counted in {@link #queued}; the count drops once it is on the wire. */
    private void write(Channel ch, byte[] frame) {
        ch.write(Unpooled.wrappedBuffer(frame)).addListener(done -> queued.decrementAndGet());
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.writeAndFlush(Frames.buffer(Frames.GREETING));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (authed) {
            backend.detach(this);
        }
        authed = false;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("closing ESL connection {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, EslCommand cmd) {
        String verb = cmd.verb();
        backend.countCommand(statsKey(cmd));
        if (verb.startsWith("exit") || cmd.line().startsWith("...")) {
            reply(ctx, Frames.commandReply("+OK bye"));
            goodbye(ctx);
            return;
        }
        if (!authed) {
            if (cmd.line().regionMatches(true, 0, "auth ", 0, 5)) {
                auth(ctx, cmd.line().substring(5));
            } else {
                reply(ctx, Frames.commandReply("-ERR command not found"));
            }
            return;
        }
        boolean hasArgs = !cmd.rest().isEmpty();
        switch (verb) {
            case "api" -> {
                if (hasArgs) {
                    api(ctx, cmd.rest());
                } else {
                    reply(ctx, Frames.commandReply("-ERR command not found"));
                }
            }
            case "bgapi" -> {
                if (hasArgs) {
                    bgapi(ctx, cmd);
                } else {
                    reply(ctx, Frames.commandReply("-ERR command not found"));
                }
            }
            default -> {
                String text = listenerCommands.handle(verb, cmd.rest());
                reply(ctx, Frames.commandReply(text == null ? "-ERR command not found" : text));
            }
        }
    }

    private void auth(ChannelHandlerContext ctx, String password) {
        if (backend.checkPassword(password)) {
            authed = true;
            backend.attach(this);
            reply(ctx, Frames.commandReply("+OK accepted"));
        } else {
            log.info("ESL auth rejected from {}", ctx.channel().remoteAddress());
            reply(ctx, Frames.commandReply("-ERR invalid"));
            goodbye(ctx);
        }
    }

    private void api(ChannelHandlerContext ctx, String commandLine) {
        String[] parts = commandLine.split(" ", 2);
        synchronized (this) {
            apisRunning++;
        }
        CompletionStage<String> result = backend.api(parts[0], parts.length > 1 ? parts[1].trim() : "");
        replies = replies.thenCompose(done -> result.toCompletableFuture())
                .handle((body, error) -> {
                    String text = error == null ? body : "-ERR " + error.getMessage() + "\n";
                    ctx.writeAndFlush(Frames.buffer(Frames.apiResponse(text)));
                    releaseHeldEvents(ctx);
                    return null;
                });
    }

    private synchronized void releaseHeldEvents(ChannelHandlerContext ctx) {
        if (--apisRunning == 0) {
            heldEvents.forEach(frame -> write(ctx.channel(), frame));
            heldEvents.clear();
            ctx.channel().flush();
        }
    }

    private void bgapi(ChannelHandlerContext ctx, EslCommand cmd) {
        String jobUuid = cmd.header("Job-UUID");
        if (jobUuid == null || jobUuid.isBlank()) {
            jobUuid = UUID.randomUUID().toString();
        }
        String[] parts = cmd.rest().split(" ", 2);
        reply(ctx, Frames.bgapiReply(jobUuid));
        backend.bgapi(jobUuid, parts[0], parts.length > 1 ? parts[1].trim() : "");
    }

    private void reply(ChannelHandlerContext ctx, String frame) {
        if (replies.isDone()) {
            ctx.writeAndFlush(Frames.buffer(frame));
        } else {
            replies = replies.thenRun(() -> ctx.writeAndFlush(Frames.buffer(frame)));
        }
    }

    private void goodbye(ChannelHandlerContext ctx) {
        authed = false;
        backend.detach(this);
        replies = replies.thenRun(() -> ctx.writeAndFlush(Frames.buffer(Frames.DISCONNECT_NOTICE))
                .addListener(ChannelFutureListener.CLOSE));
    }

    /** First word, plus the second for api/bgapi: "api status", "bgapi originate". */
    static String statsKey(EslCommand cmd) {
        String verb = cmd.verb();
        if (verb.equals("api") || verb.equals("bgapi")) {
            String sub = cmd.rest().split("\\s+", 2)[0];
            return sub.isEmpty() ? verb : verb + " " + sub;
        }
        return verb;
    }
}
