package io.outdial.fssim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Everything a simulator run needs. A JSON config file has the same field names
 * (see README.md); durations are ISO-8601 strings such as {@code "PT20S"}.
 *
 * @param nodes number of FreeSWITCH nodes; node i (0-based) is named {@code fs<i+1>}
 * @param eslBasePort ESL port of the first node, the next nodes use the following ports; 0 = ephemeral
 * @param httpPort observer API port; 0 = ephemeral
 * @param password ESL password of every node
 * @param gateways carrier trunks, the same on every node, limits shared across nodes
 * @param nodeLimits per-node FreeSWITCH limits
 * @param scripted fixed outcomes per dialed number
 * @param seed seed of the random outcomes and timings
 * @param heartbeatInterval interval of HEARTBEAT events
 */
public record SimConfig(int nodes, int eslBasePort, int httpPort, String password, List<GatewayConfig> gateways,
                        NodeLimits nodeLimits, Map<String, ScriptedCall> scripted, long seed,
                        Duration heartbeatInterval) {

    public SimConfig {
        if (nodes < 1) {
            throw new IllegalArgumentException("nodes must be >= 1");
        }
        if (eslBasePort < 0 || eslBasePort + nodes - 1 > 65535 || httpPort < 0 || httpPort > 65535) {
            throw new IllegalArgumentException("ports must be in 0..65535");
        }
        if (password == null || password.isEmpty() || password.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException("password must be non-empty without spaces or control characters");
        }
        gateways = List.copyOf(gateways == null ? List.of() : gateways);
        if (gateways.stream().map(GatewayConfig::name).distinct().count() != gateways.size()) {
            throw new IllegalArgumentException("gateway names must be unique");
        }
        nodeLimits = nodeLimits == null ? NodeLimits.defaults() : nodeLimits;
        scripted = Map.copyOf(scripted == null ? Map.of() : scripted);
        heartbeatInterval = heartbeatInterval == null ? Duration.ofSeconds(20) : heartbeatInterval;
        if (heartbeatInterval.isNegative() || heartbeatInterval.isZero()) {
            throw new IllegalArgumentException("heartbeatInterval must be positive");
        }
    }

    /**
     * Two nodes {@code fs1}, {@code fs2} on ephemeral ports, password {@code ClueCon}, gateways
     * {@code gw1} and {@code gw2} (caps 10, 100 concurrent, default mix), 1000 sessions and
     * 100 sessions/s per node, heartbeat every 20 s.
     */
    public static SimConfig defaults() {
        return new SimConfig(2, 0, 0, "ClueCon",
                List.of(GatewayConfig.named("gw1"), GatewayConfig.named("gw2")),
                NodeLimits.defaults(), Map.of(), 42L, Duration.ofSeconds(20));
    }

    /** Node ids in port order. */
    public List<String> nodeIds() {
        return IntStream.range(0, nodes).mapToObj(i -> "fs" + (i + 1)).toList();
    }

    public SimConfig withNodes(int n) {
        return new SimConfig(n, eslBasePort, httpPort, password, gateways, nodeLimits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withEslBasePort(int port) {
        return new SimConfig(nodes, port, httpPort, password, gateways, nodeLimits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withHttpPort(int port) {
        return new SimConfig(nodes, eslBasePort, port, password, gateways, nodeLimits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withPassword(String pw) {
        return new SimConfig(nodes, eslBasePort, httpPort, pw, gateways, nodeLimits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withGateways(List<GatewayConfig> gws) {
        return new SimConfig(nodes, eslBasePort, httpPort, password, gws, nodeLimits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withNodeLimits(NodeLimits limits) {
        return new SimConfig(nodes, eslBasePort, httpPort, password, gateways, limits, scripted, seed,
                heartbeatInterval);
    }

    public SimConfig withScripted(Map<String, ScriptedCall> calls) {
        return new SimConfig(nodes, eslBasePort, httpPort, password, gateways, nodeLimits, calls, seed,
                heartbeatInterval);
    }

    public SimConfig withSeed(long newSeed) {
        return new SimConfig(nodes, eslBasePort, httpPort, password, gateways, nodeLimits, scripted, newSeed,
                heartbeatInterval);
    }

    public SimConfig withHeartbeatInterval(Duration interval) {
        return new SimConfig(nodes, eslBasePort, httpPort, password, gateways, nodeLimits, scripted, seed,
                interval);
    }
}
