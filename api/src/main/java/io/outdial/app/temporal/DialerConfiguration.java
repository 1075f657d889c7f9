package io.outdial.app.temporal;

import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.esl.EslSettings;
import io.outdial.activities.esl.FsNodeEndpoint;
import io.outdial.app.config.OutdialProperties;
import io.outdial.app.fsnode.FsNodeRepository;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ESL dialer of this app node: one connection per enabled FS node in PostgreSQL, each filtered by
 * this node's id. {@code io.outdial.app.fsnode.DialerNodeSync} keeps the node set in line with later
 * changes.
 */
@Configuration(proxyBeanMethods = false)
class DialerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DialerConfiguration.class);

    @Bean(destroyMethod = "close")
    EslDialer dialer(FsNodeRepository fsNodes, OutdialProperties properties) {
        List<FsNodeEndpoint> nodes = fsNodes.enabledEndpoints();
        log.info("ESL dialer of node '{}' for FS nodes {}", properties.nodeId(), nodes.stream().map(FsNodeEndpoint::id).toList());
        EslDialer dialer = new EslDialer(properties.nodeId(), nodes, EslSettings.defaults());
        dialer.start();
        return dialer;
    }
}
