package io.outdial.app.dev;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.worker.WorkerOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DevWorkerPollersTest {

    private static DevProperties pollers(Integer workflowTask, Integer activityTask) {
        return new DevProperties(true, DevProperties.TemporalMode.TEST_SERVER, Path.of("var"), false, 7233, 8233,
                Duration.ofSeconds(60), new DevProperties.Sim(null), java.util.List.of(), new DevProperties.Pollers(workflowTask, activityTask));
    }

    @Test
    void setPollerCountsReplaceTheWorkersOwn() {
        WorkerOptions.Builder builder = WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskPollers(4).setMaxConcurrentActivityTaskPollers(8);

        WorkerOptions options = new DevWorkerPollers().devPollerCounts(pollers(32, 16))
                .customize(builder, "calls", "outdial-calls").build();

        assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(32);
        assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(16);
    }

    @Test
    void unsetPollerCountsKeepTheWorkersOwn() {
        WorkerOptions.Builder builder = WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskPollers(4).setMaxConcurrentActivityTaskPollers(8);

        WorkerOptions options = new DevWorkerPollers().devPollerCounts(pollers(null, null))
                .customize(builder, "calls", "outdial-calls").build();

        assertThat(options.getMaxConcurrentWorkflowTaskPollers()).isEqualTo(4);
        assertThat(options.getMaxConcurrentActivityTaskPollers()).isEqualTo(8);
    }
}
