package io.outdial.app.campaign;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link TaskReconciler} once at start-up, before the Temporal workers start (they start on
 * ApplicationReadyEvent), so no campaign sees an empty queue and completes early, and then every
 * {@code outdial.reconcile.interval} while the app runs (Redis may lose its data, a round may be killed
 * half way, at any time). A pass that fails (PostgreSQL, Redis or Temporal unreachable) is logged and
 * the next one tries again.
 */
@Component
class QueueRecovery implements ApplicationRunner, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(QueueRecovery.class);

    private final TaskReconciler reconciler;
    private final ReconcileProperties properties;
    private ScheduledExecutorService timer;

    QueueRecovery(TaskReconciler reconciler, ReconcileProperties properties) {
        this.reconciler = reconciler;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        pass();
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outdial-reconciler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.interval().toMillis();
        timer.scheduleWithFixedDelay(this::pass, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void pass() {
        try {
            reconciler.reconcile();
        } catch (RuntimeException e) {
            log.warn("Reconciling task states failed, trying again in {}: {}", properties.interval(), e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
