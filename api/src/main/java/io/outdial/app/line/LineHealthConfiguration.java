package io.outdial.app.line;

import io.micrometer.core.instrument.MeterRegistry;
import io.outdial.activities.linehealth.LineHealthEvaluator;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** The line health evaluator, with the settings of {@link LineHealthProperties}. */
@Configuration(proxyBeanMethods = false)
class LineHealthConfiguration {

    @Bean
    LineHealthEvaluator lineHealthEvaluator(DataSource dataSource, JedisPooled jedis, LineHealthProperties properties,
                                            MeterRegistry meters, Clock clock) {
        return new LineHealthEvaluator(dataSource, jedis, properties.settings(), meters, clock);
    }
}
