package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** The campaign queues in Redis, shared by the REST API (enqueue, rebuild) and the rounds (lease). */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    TaskQueue taskQueue(JedisPooled jedis) {
        return new TaskQueue(jedis);
    }
}
