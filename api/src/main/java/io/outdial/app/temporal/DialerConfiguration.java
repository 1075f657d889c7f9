package io.outdial.app.temporal;

import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.esl.EslSettings;
import io.outdial.activities.esl.FsNodeEndpoint;
import io.outdial.app.config.OutdialProperties;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The ESL dialer of this app node: one connection per enabled FS node in PostgreSQL, each filtered by
 * this node's id. {@code io.outdial.app.fsnode.DialerNodeSync} keeps the node set in line with later
 * changes.
 */
@Configuration(proxyBeanMethods = false)
class DialerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DialerConfiguration.class);

    @Bean(destroyMethod = "close")
    EslDialer dialer(JdbcClient jdbc, OutdialProperties properties) {
        List<FsNodeEndpoint> nodes = jdbc.sql(
                        "select id, esl_host, esl_port, esl_password from fs_nodes where enabled order by id")
                .query((rs, row) -> new FsNodeEndpoint(rs.getString("id"), rs.getString("esl_host"),
                        rs.getInt("esl_port"), rs.getString("esl_password")))
                .list();
        log.info("ESL dialer of node '{}' for FS nodes {}", properties.nodeId(), nodes.stream().map(FsNodeEndpoint::id).toList());
        EslDialer dialer = new EslDialer(properties.nodeId(), nodes, EslSettings.defaults());
        dialer.start();
        return dialer;
    }
}
