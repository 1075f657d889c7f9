package io.outdial.app.temporal;

import io.temporal.worker.WorkerFactory;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/**
 * Stops polling before anything else shuts down: without it the service stubs can close under the
 * workers' pollers. Waits a bounded time for running tasks; a call still in flight after that is
 * reconciled by its workflow on the next worker.
 */
@Component
class WorkerShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final long GRACE_SECONDS = 10;

    private final WorkerFactory workerFactory;

    WorkerShutdown(WorkerFactory workerFactory) {
        this.workerFactory = workerFactory;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        workerFactory.shutdown();
        workerFactory.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
    }
}
