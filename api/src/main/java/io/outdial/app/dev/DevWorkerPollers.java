package io.outdial.app.dev;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Applies {@code outdial.dev.pollers} to every Temporal worker in dev mode. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "outdial.dev.enabled", havingValue = "true")
class DevWorkerPollers {

    @Bean
    WorkerOptionsCustomizer devPollerCounts(DevProperties dev) {
        DevProperties.Pollers pollers = dev.pollers();
        return (WorkerOptions.Builder builder, String workerName, String taskQueue) -> {
            if (pollers.workflowTask() != null) {
                builder.setMaxConcurrentWorkflowTaskPollers(pollers.workflowTask());
            }
            if (pollers.activityTask() != null) {
                builder.setMaxConcurrentActivityTaskPollers(pollers.activityTask());
            }
            return builder;
        };
    }
}
