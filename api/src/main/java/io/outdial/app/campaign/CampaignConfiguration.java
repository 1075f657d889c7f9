package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** The campaign queues in Redis, shared by the REST API (enqueue, rebuild) and the rounds (lease), and the task rows. */
@Configuration(proxyBeanMethods = false)
class CampaignConfiguration {

    @Bean
    TaskQueue taskQueue(JedisPooled jedis) {
        return new TaskQueue(jedis);
    }

    /** The task rows, for the {@link TaskReconciler}. */
    @Bean
    TaskRepository taskRepository(DataSource dataSource) {
        return new TaskRepository(dataSource);
    }
}
