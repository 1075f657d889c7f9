package io.outdial.activities.esl;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.outdial.workflows.call.CallLimits;
import io.outdial.workflows.call.PlaceCallResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The {@link Dialer} over our own ESL client: one {@link EslConnection} per FS node, filtered to this
 * app node's tag, and an {@link EventRouter} per connection that hands each call its own events in order.
 */
public final class EslDialer implements Dialer, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EslDialer.class);

    private final String nodeTag;
    private final EslSettings settings;
    private final Clock clock;
    private final CallWatcher watcher;
    private final EventLoopGroup group;
    private final Map<String, NodeLink> links = new ConcurrentHashMap<>();
    private boolean started;

    /**
     * @param nodeTag  this app node's tag, {@code ^[a-z0-9][a-z0-9_-]{0,31}$}; FS sends this dialer only
     *                 the events of calls carrying it
     * @param nodes    the FS nodes to connect to
     * @param settings timeouts and backoff
     */
    public EslDialer(String nodeTag, List<FsNodeEndpoint> nodes, EslSettings settings) {
        this(nodeTag, nodes, settings, Clock.systemUTC(), CallLimits.HEARTBEAT_INTERVAL);
    }

    EslDialer(String nodeTag, List<FsNodeEndpoint> nodes, EslSettings settings, Clock clock,
              Duration heartbeatInterval) {
        this.nodeTag = OriginateCommand.requireNodeTag(nodeTag);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = clock;
        this.watcher = new CallWatcher(clock, heartbeatInterval);
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("esl-" + nodeTag, true));
        updateNodes(nodes);
    }

    /** Starts connecting to every node and returns at once; connections keep retrying in the background. */
    public synchronized void start() {
        started = true;
        links.values().forEach(link -> link.connection().start());
    }

    /** Whether the ESL connection to {@code nodeId} is up, authenticated and filtered. */
    public boolean isConnected(String nodeId) {
        NodeLink link = links.get(nodeId);
        return link != null && link.connection().isReady();
    }

    /** The FS node ids this dialer knows. */
    public Set<String> nodeIds() {
        return Set.copyOf(links.keySet());
    }

    /**
     * Replaces the node set: connects to new nodes, drops removed ones (their in-flight calls see the
     * connection lost), and reconnects nodes whose endpoint changed.
     */
    public synchronized void updateNodes(List<FsNodeEndpoint> nodes) {
        Map<String, FsNodeEndpoint> wanted = new HashMap<>();
        for (FsNodeEndpoint node : nodes) {
            if (wanted.put(node.id(), node) != null) {
                throw new IllegalArgumentException("nodes: duplicate id " + node.id());
            }
        }
        links.values().removeIf(link -> {
            boolean drop = !link.endpoint().equals(wanted.get(link.endpoint().id()));
            if (drop) {
                link.connection().close();
            }
            return drop;
        });
        wanted.values().stream().filter(node -> !links.containsKey(node.id())).forEach(node -> {
            EventRouter router = new EventRouter();
            NodeLink link = new NodeLink(node, new EslConnection(node, nodeTag, settings, group, router), router);
            links.put(node.id(), link);
            if (started) {
                link.connection().start();
            }
        });
    }

    @Override
    public PlaceCallResult dial(Dial dial, Runnable heartbeat) {
        OriginateCommand command = OriginateCommand.of(nodeTag, dial);
        Objects.requireNonNull(heartbeat, "heartbeat");
        if (dial.watchTimeout() == null || dial.watchTimeout().isNegative() || dial.watchTimeout().isZero()) {
            throw new IllegalArgumentException("watchTimeout: must be positive");
        }
        if (dial.fsNodeId() == null) {
            throw new IllegalArgumentException("fsNodeId: required");
        }
        CallObservation seen = new CallObservation(dial.originationUuid());
        NodeLink link = links.get(dial.fsNodeId());
        // the originate goes out on this very socket or not at all: see EslConnection.bgapi
        EslSession socket = link == null ? null : link.connection().readySession();
        if (socket == null) {
            log.warn("call {} to {}: FS node {} is not connected, nothing sent", dial.originationUuid(),
                    NumberMask.mask(dial.number()), dial.fsNodeId());
            return seen.result(clock.millis());
        }
        String jobUuid = UUID.randomUUID().toString();
        try (CallSubscription calls = link.router().subscribe(dial.originationUuid(), jobUuid)) {
            log.info("call {} to {}: originate via {} on FS node {}", dial.originationUuid(),
                    NumberMask.mask(dial.number()), dial.gateway(), dial.fsNodeId());
            seen.sending(clock.millis());
            CompletableFuture<EslReply> accepted =
                    link.connection().bgapi(command.text(), jobUuid, settings.commandTimeout(), socket);
            PlaceCallResult result = watcher.watch(calls, accepted, settings.commandTimeout(), dial.watchTimeout(),
                    seen, heartbeat);
            log.info("call {} to {}: sent={} job={} answered={} cause={} lost={} timedOut={}",
                    dial.originationUuid(), NumberMask.mask(dial.number()), result.sent(), result.jobResult(),
                    result.answered(), result.hangupCause(), result.connectionLost(), result.timedOut());
            return result;
        }
    }

    /**
     * Asks FS node {@code nodeId} whether a channel with this uuid exists ({@code api uuid_exists}), for
     * reconciling a call whose watch ended without a hangup. Read-only, so safe to retry.
     *
     * @throws EslNotSentException         if the node is unknown or not connected
     * @throws EslCommandTimeoutException  if FS did not answer within the command timeout
     * @throws EslConnectionLostException  if the connection dropped before the answer
     * @throws CancellationException       if the calling thread is interrupted (its flag stays set)
     */
    public boolean uuidExists(String nodeId, String uuid) {
        UUID.fromString(Objects.requireNonNull(uuid, "uuid"));
        NodeLink link = links.get(Objects.requireNonNull(nodeId, "nodeId"));
        if (link == null) {
            throw new EslNotSentException("unknown FS node " + nodeId);
        }
        CompletableFuture<String> answer = link.connection().api("uuid_exists " + uuid, settings.commandTimeout());
        try {
            // the connection fails the command after its timeout; the margin only guards against a bug there
            return "true".equals(answer.get(settings.commandTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS).trim());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException && e.getCause().getCause() != null
                    ? e.getCause().getCause() : e.getCause();
            throw cause instanceof EslException esl ? esl : new EslException("uuid_exists failed", cause);
        } catch (TimeoutException e) {
            throw new EslCommandTimeoutException(nodeId, settings.commandTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while asking uuid_exists");
        }
    }

    /** The event router of one node, for tests and health checks; {@code null} if the node is unknown. */
    EventRouter router(String nodeId) {
        NodeLink link = links.get(nodeId);
        return link == null ? null : link.router();
    }

    /** Closes every connection and the event loop. */
    @Override
    public synchronized void close() {
        links.values().forEach(link -> link.connection().close());
        links.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
    }

    /**
     * Actively checks the link to FS node {@code nodeId}: completes with true when the link is up and FS
     * answers {@code api status} within {@code timeout}, with false otherwise (unknown node, link down,
     * no answer in time). Never completes exceptionally. As for any command, a node that does not answer
     * in time has its link reset: until it is back, {@link #dial} refuses calls for it with nothing sent.
     */
    public CompletableFuture<Boolean> probe(String nodeId, Duration timeout) {
        NodeLink link = links.get(Objects.requireNonNull(nodeId, "nodeId"));
        if (link == null || !link.connection().isReady()) {
            return CompletableFuture.completedFuture(false);
        }
        return link.connection().api("status", timeout).handle((status, error) -> error == null);
    }

    /**
     * Starts receiving the events of an existing channel on FS node {@code nodeId}, for following a call
     * placed by an earlier attempt of the place-call activity (reconciling). The node sends this dialer
     * only the events of calls tagged with its node tag, so a call placed by an app node with another
     * tag shows nothing here. A connection loss arrives as a {@link CallSignal#connectionLost()} signal.
     *
     * @throws EslNotSentException   if the node is unknown
     * @throws IllegalStateException if the channel is already being watched on this dialer
     */
    public CallSubscription follow(String nodeId, String uuid) {
        UUID.fromString(Objects.requireNonNull(uuid, "uuid"));
        NodeLink link = links.get(Objects.requireNonNull(nodeId, "nodeId"));
        if (link == null) {
            throw new EslNotSentException("unknown FS node " + nodeId);
        }
        // no job of ours belongs to a followed channel: a fresh job uuid keeps the router's key unique
        return link.router().subscribe(uuid, "follow-" + UUID.randomUUID());
    }
}
