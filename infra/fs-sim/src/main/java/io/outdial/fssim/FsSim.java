package io.outdial.fssim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.outdial.fssim.call.CallPlanner;
import io.outdial.fssim.call.Carrier;
import io.outdial.fssim.node.FsNode;
import io.outdial.fssim.node.SimContext;
import io.outdial.fssim.observer.ObserverServer;
import io.outdial.fssim.observer.SimControls;
import io.outdial.fssim.observer.StatsRecorder;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A running FreeSWITCH simulator: several nodes speaking inbound ESL, each on its own port on
 * 127.0.0.1, carriers shared by all nodes, and an HTTP observer API. Start with {@link #start(SimConfig)},
 * stop with {@link #close()}.
 */
public final class FsSim implements AutoCloseable {

    private final SimConfig config;
    private final Map<String, FsNode> nodes = new LinkedHashMap<>();
    private final Carrier carrier;
    private final StatsRecorder stats = new StatsRecorder();
    private final EventLoopGroup boss = new NioEventLoopGroup(1, new DefaultThreadFactory("fs-sim-accept"));
    private final EventLoopGroup workers = new NioEventLoopGroup(2, new DefaultThreadFactory("fs-sim-io"));
    private final ScheduledThreadPoolExecutor clockThread =
            new ScheduledThreadPoolExecutor(1, new DefaultThreadFactory("fs-sim-clock", true));
    private ObserverServer observer;

    private FsSim(SimConfig config) {
        this.config = config;
        this.carrier = new Carrier(config.gateways());
        clockThread.setRemoveOnCancelPolicy(true);
    }

    /** Binds every node's ESL port and the observer port on 127.0.0.1; returns when all are listening. */
    public static FsSim start(SimConfig config) {
        FsSim sim = new FsSim(config);
        try {
            sim.bind();
            return sim;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sim.close();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        } catch (Exception e) {
            // also Netty's BindException, a checked exception rethrown by sync()
            sim.close();
            throw new IllegalStateException("cannot start the simulator: " + e.getMessage(), e);
        }
    }

    private void bind() throws InterruptedException {
        SimContext ctx = new SimContext(carrier, new CallPlanner(config.scripted(), config.seed()), stats,
                clockThread, Clock.systemUTC(), ZoneId.systemDefault(), boss, workers, config.password(),
                config.heartbeatInterval());
        List<String> ids = config.nodeIds();
        for (int i = 0; i < ids.size(); i++) {
            FsNode node = new FsNode(ids.get(i), config.nodeLimits(), ctx);
            nodes.put(node.id(), node);
            node.start(config.eslBasePort() == 0 ? 0 : config.eslBasePort() + i);
        }
        observer = ObserverServer.start(config.httpPort(), new Controls(), jsonMapper(), boss, workers);
    }

    /** The nodes in id order with their ESL ports. */
    public List<SimNode> nodes() {
        List<SimNode> out = new ArrayList<>();
        nodes.values().forEach(n -> out.add(new SimNode(n.id(), n.port())));
        return out;
    }

    /** The ESL port of a node ({@code fs1}...); throws IllegalArgumentException for an unknown id. */
    public int eslPort(String nodeId) {
        return node(nodeId).port();
    }

    /** The port of the observer API. */
    public int httpPort() {
        return observer.port();
    }

    /** The same data as {@code GET /sim/stats}. */
    public SimStats stats() {
        Map<String, Integer> current = new LinkedHashMap<>();
        nodes.values().forEach(n -> current.put(n.id(), n.currentCalls()));
        return stats.snapshot(carrier.caps(), current, carrier.concurrentCalls());
    }

    /** Clears the counters of {@link #stats()}; live calls are kept. */
    public void resetStats() {
        stats.reset();
    }

    /** Originates through this gateway now fail with {@code -ERR GATEWAY_DOWN}, without any channel. */
    public void gatewayDown(String gateway) {
        carrier.setUp(gateway, false);
    }

    /** Brings a gateway back: originates through it reach the carrier again. */
    public void gatewayUp(String gateway) {
        carrier.setUp(gateway, true);
    }

    /**
     * The gateway's carrier refuses every INVITE with SIP 503: each originate through it gets a channel
     * (CREATE, HANGUP NORMAL_TEMPORARY_FAILURE) and {@code -ERR NORMAL_TEMPORARY_FAILURE}, as over its CAPS.
     */
    public void gatewayFail503(String gateway) {
        carrier.setRefusing(gateway, true);
    }

    /** Ends {@link #gatewayFail503}: the carrier accepts INVITEs again within its limits. */
    public void gatewayRecover(String gateway) {
        carrier.setRefusing(gateway, false);
    }

    /** The node drops every ESL connection and stops listening; its calls vanish without events. */
    public void crashNode(String nodeId) {
        node(nodeId).crash();
    }

    /**
     * The node hangs: it stops reading commands, accepting connections and sending events, but keeps its
     * sockets open and its calls running, like a FreeSWITCH stuck in a lock. {@link #resumeNode} ends it.
     */
    public void hangNode(String nodeId) {
        node(nodeId).hang();
    }

    /** Ends a hang; events held meanwhile are sent in order. */
    public void resumeNode(String nodeId) {
        node(nodeId).resume();
    }

    /** A crashed node listens again on its port, with a new Core-UUID. */
    public void restartNode(String nodeId) {
        try {
            node(nodeId).restart();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting " + nodeId, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot restart " + nodeId + ": " + e.getMessage(), e);
        }
    }

    /** Stops every node (calls vanish, sockets close) and the observer API, and frees the threads. */
    @Override
    public void close() {
        if (observer != null) {
            observer.close();
        }
        nodes.values().forEach(FsNode::shutdown);
        clockThread.shutdownNow();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    static ObjectMapper jsonMapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule());
    }

    private FsNode node(String nodeId) {
        FsNode node = nodes.get(nodeId);
        if (node == null) {
            throw new IllegalArgumentException("unknown node " + nodeId);
        }
        return node;
    }

    private final class Controls implements SimControls {
        @Override
        public SimStats stats() {
            return FsSim.this.stats();
        }

        @Override
        public void resetStats() {
            FsSim.this.resetStats();
        }

        @Override
        public void gatewayDown(String gateway) {
            FsSim.this.gatewayDown(gateway);
        }

        @Override
        public void gatewayUp(String gateway) {
            FsSim.this.gatewayUp(gateway);
        }

        @Override
        public void gatewayFail503(String gateway) {
            FsSim.this.gatewayFail503(gateway);
        }

        @Override
        public void gatewayRecover(String gateway) {
            FsSim.this.gatewayRecover(gateway);
        }

        @Override
        public void crashNode(String nodeId) {
            FsSim.this.crashNode(nodeId);
        }

        @Override
        public void restartNode(String nodeId) {
            FsSim.this.restartNode(nodeId);
        }

        @Override
        public void hangNode(String nodeId) {
            FsSim.this.hangNode(nodeId);
        }

        @Override
        public void resumeNode(String nodeId) {
            FsSim.this.resumeNode(nodeId);
        }
    }
}
