package io.outdial.app.line;

import io.netty.util.concurrent.DefaultThreadFactory;
import io.outdial.activities.linehealth.LineHealthEvaluator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link LineHealthEvaluator} on this app node every {@link LineHealthProperties#interval()}
 * (unless {@link LineHealthProperties#enabled()} is false). Other app nodes may run it too: each change
 * is made once.
 */
@Component
class LineHealthScheduler implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LineHealthScheduler.class);

    private final LineHealthEvaluator evaluator;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("line-health", true));

    LineHealthScheduler(LineHealthEvaluator evaluator, LineHealthProperties properties) {
        this.evaluator = evaluator;
        if (properties.enabled()) {
            long every = properties.interval().toMillis();
            timer.scheduleWithFixedDelay(this::evaluate, every, every, TimeUnit.MILLISECONDS);
        }
    }

    private void evaluate() {
        try {
            evaluator.evaluate();
        } catch (RuntimeException e) {
            log.warn("Line health evaluation failed: {}", e.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
