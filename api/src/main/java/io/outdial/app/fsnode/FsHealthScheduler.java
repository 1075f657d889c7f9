package io.outdial.app.fsnode;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.outdial.activities.fshealth.FsHealthMonitor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs this app node's FS health checks: a full check (probe every node, vote, evaluate) every
 * {@link FsHealthProperties#checkInterval()}, and a look at its own ESL links every
 * {@link FsHealthProperties#linkWatchInterval()}, so a crashed node is voted down and evicted within
 * about a second instead of at the next full check. One thread: the two never overlap.
 */
@Component
class FsHealthScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FsHealthScheduler.class);

    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("fs-health", true));

    FsHealthScheduler(FsHealthMonitor monitor, FsHealthProperties properties) {
        if (!properties.enabled()) {
            log.info("FS health checks are off on this app node");
            return;
        }
        long checkMs = properties.checkInterval().toMillis();
        long watchMs = properties.linkWatchInterval().toMillis();
        timer.scheduleWithFixedDelay(() -> run("check", monitor::check), watchMs, checkMs, TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> run("link watch", monitor::watchLinks), watchMs, watchMs,
                TimeUnit.MILLISECONDS);
    }

    private static void run(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // Redis or PostgreSQL away: the next run tries again; a worker that cannot vote stops counting
            log.warn("FS health {} failed: {}", what, e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
