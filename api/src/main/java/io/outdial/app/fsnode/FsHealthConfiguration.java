package io.outdial.app.fsnode;

import io.micrometer.core.instrument.MeterRegistry;
import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.fshealth.EslLinkProbe;
import io.outdial.activities.fshealth.FsHealthEvaluator;
import io.outdial.activities.fshealth.FsHealthMonitor;
import io.outdial.activities.fshealth.FsHealthRepository;
import io.outdial.activities.fshealth.FsHealthVotes;
import io.outdial.app.config.OutdialProperties;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import redis.clients.jedis.JedisPooled;

/** FS health: this app node votes under its node id, over its own ESL dialer. */
@Configuration(proxyBeanMethods = false)
class FsHealthConfiguration {

    @Bean
    FsHealthVotes fsHealthVotes(JedisPooled jedis, FsHealthProperties properties) {
        return new FsHealthVotes(jedis, properties.liveWindow());
    }

    @Bean
    FsHealthMonitor fsHealthMonitor(EslDialer dialer, FsHealthVotes votes, DataSource dataSource, MeterRegistry meters,
                                    Clock clock, OutdialProperties outdial, FsHealthProperties properties) {
        FsHealthEvaluator evaluator = new FsHealthEvaluator(votes, new FsHealthRepository(dataSource), meters, clock);
        return new FsHealthMonitor(outdial.nodeId(), new EslLinkProbe(dialer), votes, evaluator, properties.settings(),
                clock);
    }
}
