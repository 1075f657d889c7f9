package io.outdial.app.dev;

import io.outdial.workflows.common.SearchAttributes;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import io.temporal.testing.TestEnvironmentOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The in-process Temporal test server of dev mode: real time, with the call search attributes registered. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "spring.temporal.test-server.enabled", havingValue = "true")
class DevTemporalConfiguration {

    @Bean
    TemporalOptionsCustomizer<TestEnvironmentOptions.Builder> realTimeTestServer() {
        return builder -> {
            builder.setUseTimeskipping(false);
            SearchAttributes.ALL.forEach(key -> builder.registerSearchAttribute(key.getName(), key.getValueType()));
            return builder;
        };
    }

    @Bean
    static TestServerLockLog testServerLockLog() {
        return new TestServerLockLog();
    }
}
