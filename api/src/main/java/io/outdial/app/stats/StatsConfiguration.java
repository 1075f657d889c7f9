package io.outdial.app.stats;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one registry (and scheduler thread) of every stats stream of this app node. */
@Configuration(proxyBeanMethods = false)
class StatsConfiguration {

    @Bean(destroyMethod = "close")
    StatsStreams statsStreams(CampaignStatsService stats, StatsStreamProperties properties) {
        return new StatsStreams(stats::snapshot, properties);
    }
}
