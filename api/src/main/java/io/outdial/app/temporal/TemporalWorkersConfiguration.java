package io.outdial.app.temporal;

import io.outdial.activities.call.CallActivitiesImpl;
import io.outdial.activities.call.EslChannelProbe;
import io.outdial.activities.campaign.CampaignActivitiesImpl;
import io.outdial.activities.campaign.RoundSettings;
import io.outdial.activities.esl.EslDialer;
import io.outdial.app.config.OutdialProperties;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.client.WorkflowClient;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/**
 * The activity implementations the two Temporal workers run. The workers themselves (task queues,
 * workflow classes, capacity) are declared under {@code spring.temporal.workers} in
 * {@code application.yml}, which names these beans.
 */
@Configuration(proxyBeanMethods = false)
class TemporalWorkersConfiguration {

    /** Round, status and finish activities, on the campaigns task queue. */
    @Bean
    CampaignActivitiesImpl campaignActivities(DataSource dataSource, JedisPooled jedis, WorkflowClient workflowClient,
                                              Clock clock, OutdialProperties properties, MeterRegistry meters) {
        OutdialProperties.Round round = properties.round();
        return new CampaignActivitiesImpl(dataSource, jedis, workflowClient, clock,
                new RoundSettings(round.budget(), round.maxCallsPerRound(), round.maxFailovers()), meters);
    }

    /**
     * Place-call and record-outcome activities, and the recovery steps (failover route, reconcile with
     * the FS node over this node's ESL links), on the calls task queue.
     */
    @Bean
    CallActivitiesImpl callActivities(DataSource dataSource, JedisPooled jedis, EslDialer dialer, Clock clock,
                                      MeterRegistry meters) {
        return new CallActivitiesImpl(dataSource, jedis, dialer, new EslChannelProbe(dialer), clock, meters);
    }
}
