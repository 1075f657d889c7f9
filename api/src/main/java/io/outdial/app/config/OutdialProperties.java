package io.outdial.app.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of one app node (prefix {@code outdial}).
 *
 * @param nodeId the ESL filter tag of this node, {@code ^[a-z0-9][a-z0-9_-]{0,31}$}; derived from the host name when unset
 * @param redis  where the live pacing state and the campaign queues are
 * @param round  how a campaign round behaves
 */
@ConfigurationProperties("outdial")
public record OutdialProperties(String nodeId, @DefaultValue Redis redis, @DefaultValue Round round) {

    public OutdialProperties {
        if (nodeId == null || nodeId.isBlank()) {
            nodeId = NodeIds.fromHostName();
        } else if (!NodeIds.VALID.matcher(nodeId).matches()) {
            throw new IllegalArgumentException(
                    "outdial.node-id must match " + NodeIds.VALID.pattern() + " but was '" + nodeId + "'");
        }
    }

    /**
     * The Redis server.
     *
     * @param host    host name or address
     * @param port    port
     * @param timeout connect and socket timeout
     */
    public record Redis(@DefaultValue("127.0.0.1") String host, @DefaultValue("6379") int port,
                        @DefaultValue("2s") Duration timeout) {
    }

    /**
     * A campaign round.
     *
     * @param budget           how long one round may release calls before it stops and returns unused reservations
     * @param maxCallsPerRound the most calls one round releases, whatever the CAPS
     * @param maxFailovers     how many times one call may fail over to another line or FS node when its
     *                         fault proves the callee was never rung (0 to 5; 0 turns failover off)
     */
    public record Round(@DefaultValue("900ms") Duration budget, @DefaultValue("1000") int maxCallsPerRound,
                        @DefaultValue("2") int maxFailovers) {
    }
}
