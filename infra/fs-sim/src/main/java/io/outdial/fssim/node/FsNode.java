package io.outdial.fssim.node;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.outdial.fssim.NodeLimits;
import io.outdial.fssim.call.CallRunner;
import io.outdial.fssim.esl.EslBackend;
import io.outdial.fssim.esl.EslCommandDecoder;
import io.outdial.fssim.esl.EslConnection;
import io.outdial.fssim.esl.EslEvent;
import io.outdial.fssim.events.EventStamp;
import io.outdial.fssim.events.NodeEvents;
import io.outdial.fssim.events.NodeIdentity;
import io.outdial.fssim.events.SessionFigures;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One simulated FreeSWITCH: an ESL listener on 127.0.0.1, its live calls, its event stream and
 * HEARTBEAT. Call handling and api commands run on the shared clock thread.
 */
public final class FsNode implements EslBackend {

    private static final Logger log = LoggerFactory.getLogger(FsNode.class);

    private final String id;
    private final NodeLimits limits;
    private final SimContext ctx;
    private final Set<EslConnection> connections = ConcurrentHashMap.newKeySet();
    private final ChannelGroup openChannels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final List<EslEvent> heldWhileHung = new ArrayList<>();
    private boolean hung;
    private final CallRunner runner;
    private final ApiCommands api;
    private final SessionCounter sessions = new SessionCounter();
    private volatile NodeIdentity identity;
    private volatile long startedMs;
    private volatile Channel serverChannel;
    private volatile int port;
    private ScheduledFuture<?> heartbeat;
    private long sequence;

    public FsNode(String id, NodeLimits limits, SimContext ctx) {
        this.id = id;
        this.limits = limits;
        this.ctx = ctx;
        this.runner = new CallRunner(this::publish, ctx.clockThread(), ctx.clock(), ctx.carrier(),
                call -> ctx.stats().outcome(call.cause().name(), call.answered()));
        this.api = new ApiCommands(id, ctx.carrier(), runner,
                new Originator(ctx, limits, runner, sessions), this::figures);
    }

    public String id() {
        return id;
    }

    public int port() {
        return port;
    }

    public int currentCalls() {
        return runner.count();
    }

    /** Binds the ESL port (0 = ephemeral) and starts HEARTBEAT; returns once listening. */
    public synchronized void start(int requestedPort) throws InterruptedException {
        if (serverChannel != null && serverChannel.isOpen()) {
            throw new IllegalStateException("node " + id + " is already running");
        }
        sequence = 0;
        identity = new NodeIdentity(id, UUID.randomUUID().toString(), "127.0.0.1", ctx.zone());
        startedMs = ctx.clock().millis();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(ctx.bossGroup(), ctx.workerGroup())
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        openChannels.add(ch);
                        ch.pipeline().addLast(new EslCommandDecoder(), new EslConnection(FsNode.this));
                    }
                });
        serverChannel = bootstrap.bind("127.0.0.1", requestedPort).sync().channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        long every = ctx.heartbeatInterval().toMillis();
        heartbeat = ctx.clockThread().scheduleAtFixedRate(
                () -> publish(stamp -> NodeEvents.heartbeat(stamp, figures())), every, every, TimeUnit.MILLISECONDS);
        log.info("FreeSWITCH node {} listening for ESL on 127.0.0.1:{}", id, port);
    }

    /** Closes the listener and every connection; live calls vanish without events. */
    public void crash() {
        halt();
        log.info("FreeSWITCH node {} crashed", id);
    }

    /** Stops for good (simulator shutdown). */
    public void shutdown() {
        halt();
    }

    private void halt() {
        runOnClock(() -> {
            if (heartbeat != null) {
                heartbeat.cancel(false);
            }
            runner.dropAll();
            sessions.reset();
        });
        Channel server = serverChannel;
        if (server != null) {
            server.close().syncUninterruptibly();
        }
        openChannels.close().syncUninterruptibly();
        connections.clear();
        synchronized (this) {
            hung = false;
            heldWhileHung.clear();
        }
    }

    /** Stops reading commands, accepting connections and sending events, sockets stay open (a hung FS). */
    public synchronized void hang() {
        hung = true;
        setReading(false);
        log.info("FreeSWITCH node {} hangs", id);
    }

    /** Ends a hang: held events go out in order, commands are read again. */
    public synchronized void resume() {
        hung = false;
        for (EslEvent event : heldWhileHung) {
            connections.forEach(c -> c.deliver(event));
        }
        heldWhileHung.clear();
        setReading(true);
        log.info("FreeSWITCH node {} resumes", id);
    }

    /** Switches reading on the channels' own event loops and waits, so no byte is read after a hang. */
    private void setReading(boolean on) {
        Channel server = serverChannel;
        if (server != null) {
            setAutoRead(server, on);
        }
        openChannels.forEach(ch -> setAutoRead(ch, on));
    }

    private static void setAutoRead(Channel ch, boolean on) {
        ch.eventLoop().submit(() -> ch.config().setAutoRead(on)).syncUninterruptibly();
    }

    /** Starts again on the same port with a new Core-UUID, as after a restart. */
    public void restart() throws InterruptedException {
        start(port);
    }

    /** Stamps and sends an event to every listening connection, in Event-Sequence order. */
    synchronized void publish(Function<EventStamp, EslEvent> factory) {
        EslEvent event = factory.apply(new EventStamp(identity, ctx.clock().instant(), ++sequence));
        if (hung) {
            heldWhileHung.add(event);
            return;
        }
        for (EslConnection c : connections) {
            c.deliver(event);
        }
    }

    SessionFigures figures() {
        long nowMs = ctx.clock().millis();
        long second = Math.floorDiv(nowMs, 1000);
        int live = runner.count();
        return new SessionFigures(nowMs - startedMs, live, sessions.peakConcurrent(),
                sessions.sinceStartup(), limits.maxSessions(), limits.sessionsPerSecond(),
                sessions.lastSecond(second), sessions.peakPerSecond(),
                sessions.peakConcurrentLast5Min(second, live), sessions.peakPerSecondLast5Min(second));
    }

    @Override
    public boolean checkPassword(String password) {
        return ctx.password().equals(password);
    }

    @Override
    public CompletionStage<String> api(String command, String args) {
        long receivedAt = ctx.clock().millis();
        return CompletableFuture.supplyAsync(() -> api.run(command, args, receivedAt), ctx.clockThread())
                .thenCompose(f -> f);
    }

    @Override
    public void bgapi(String jobUuid, String command, String args) {
        long receivedAt = ctx.clock().millis();
        ctx.clockThread().execute(() -> api.run(command, args, receivedAt).thenAccept(result ->
                publish(stamp -> NodeEvents.backgroundJob(stamp, jobUuid, command, args, result))));
    }

    @Override
    public void countCommand(String key) {
        ctx.stats().command(id, key);
    }

    @Override
    public void attach(EslConnection connection) {
        connections.add(connection);
    }

    @Override
    public void detach(EslConnection connection) {
        connections.remove(connection);
    }

    private void runOnClock(Runnable task) {
        try {
            ctx.clockThread().submit(task).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("node " + id + ": clock thread did not run the task", e);
        }
    }
}
