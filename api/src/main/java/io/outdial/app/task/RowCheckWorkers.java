package io.outdial.app.task;

import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The threads that validate upload rows (libphonenumber costs microseconds per number: a million rows
 * are worth every core). One per core, shared by all uploads; each upload keeps only a few batches in
 * flight, so memory stays bounded.
 */
@Component
class RowCheckWorkers {

    private final ExecutorService executor;

    RowCheckWorkers() {
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), runnable -> {
            Thread thread = new Thread(runnable, "task-upload-check-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Future<CheckedBatch> check(RowChecker checker, List<RawRow> rows) {
        return executor.submit(() -> checker.check(rows));
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
