package io.outdial.app.fsnode;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.esl.FsNodeEndpoint;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Keeps this app node's {@link EslDialer} connected to exactly the enabled FS nodes in PostgreSQL.
 * The REST API calls {@link #sync()} after each FS-node change on this app node; a periodic refresh
 * brings other app nodes (and this one, after a change made directly in the database) in line within
 * {@link #REFRESH}.
 */
@Component
public class DialerNodeSync implements DisposableBean {

    /** How often the node set is re-read from PostgreSQL. */
    static final Duration REFRESH = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(DialerNodeSync.class);

    private final EslDialer dialer;
    private final FsNodeRepository nodes;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("fs-node-sync", true));

    DialerNodeSync(EslDialer dialer, FsNodeRepository nodes) {
        this.dialer = dialer;
        this.nodes = nodes;
        timer.scheduleWithFixedDelay(this::refresh, REFRESH.toMillis(), REFRESH.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Connects to added or changed nodes and drops disabled or deleted ones, now. */
    public synchronized void sync() {
        List<FsNodeEndpoint> wanted = nodes.enabledEndpoints();
        Set<String> ids = wanted.stream().map(FsNodeEndpoint::id).collect(Collectors.toSet());
        if (!dialer.nodeIds().equals(ids)) {
            log.info("ESL dialer now for FS nodes {}", wanted.stream().map(FsNodeEndpoint::id).toList());
        }
        // EslDialer reconnects only the nodes whose endpoint (host, port or password) changed
        dialer.updateNodes(wanted);
    }

    private void refresh() {
        try {
            sync();
        } catch (RuntimeException e) {
            log.warn("Could not refresh the FS nodes of the ESL dialer: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
