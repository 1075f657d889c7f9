package io.outdial.app.config;

import io.outdial.activities.tasks.PhoneNumberNormaliser;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisPooled;

/** The clients of shared infrastructure: Redis and the clock. PostgreSQL is Spring Boot's DataSource. */
@Configuration(proxyBeanMethods = false)
class InfrastructureConfiguration {

    @Bean(destroyMethod = "close")
    JedisPooled jedis(OutdialProperties properties) {
        OutdialProperties.Redis redis = properties.redis();
        int timeoutMs = (int) redis.timeout().toMillis();
        return new JedisPooled(new HostAndPort(redis.host(), redis.port()),
                DefaultJedisClientConfig.builder().connectionTimeoutMillis(timeoutMs).socketTimeoutMillis(timeoutMs).build());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PhoneNumberNormaliser phoneNumberNormaliser() {
        return new PhoneNumberNormaliser();
    }
}
