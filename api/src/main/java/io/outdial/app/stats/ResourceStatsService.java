package io.outdial.app.stats;

import io.outdial.app.fsnode.FsNode;
import io.outdial.app.fsnode.FsNodeService;
import io.outdial.app.line.Line;
import io.outdial.app.line.LineService;
import io.outdial.app.security.Caller;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The FS nodes and lines of the pools a caller may use (shared pools and its own tenant's; a platform
 * admin, every pool), as the FS node and line services show them, plus their calls in flight from Redis.
 */
@Service
public class ResourceStatsService {

    private static final Logger log = LoggerFactory.getLogger(ResourceStatsService.class);

    private final StatsRepository stats;
    private final FsNodeService fsNodes;
    private final LineService lines;
    private final LiveLeases leases;
    private final Clock clock;

    ResourceStatsService(StatsRepository stats, FsNodeService fsNodes, LineService lines, LiveLeases leases,
                         Clock clock) {
        this.stats = stats;
        this.fsNodes = fsNodes;
        this.lines = lines;
        this.leases = leases;
        this.clock = clock;
    }

    public ResourceStats resources(Caller caller) {
        Map<String, Long> poolIds = stats.pools().stream()
                .filter(pool -> pool.tenantId() == null || caller.sees(pool.tenantId()))
                .collect(Collectors.toMap(StatsRepository.Pool::name, StatsRepository.Pool::id));
        long nowMs = clock.millis();
        List<ResourceStats.FsNodeStats> nodes = fsNodes.list().stream()
                .filter(node -> poolIds.containsKey(node.pool()))
                .map(node -> fsNode(node, poolIds.get(node.pool()), nowMs))
                .toList();
        List<ResourceStats.LineStats> lineStats = lines.list().stream()
                .filter(line -> poolIds.containsKey(line.pool()))
                .map(line -> line(line, poolIds.get(line.pool()), nowMs))
                .toList();
        return new ResourceStats(nodes, lineStats, clock.instant());
    }

    private ResourceStats.FsNodeStats fsNode(FsNode node, long poolId, long nowMs) {
        var health = node.health();
        return new ResourceStats.FsNodeStats(node.id(), node.pool(), node.enabled(), node.connected(),
                health == null ? null : health.state().name(), health == null ? null : health.reason(),
                node.evictedUntil(), node.maxSessions(), node.caps(),
                live(() -> leases.fsNode(poolId, node.id(), nowMs)));
    }

    private ResourceStats.LineStats line(Line line, long poolId, long nowMs) {
        var health = line.health();
        return new ResourceStats.LineStats(line.id(), line.pool(), line.gateway(), line.enabled(), line.caps(),
                line.maxConcurrency(), live(() -> leases.line(poolId, line.id(), nowMs)),
                health == null ? null : health.state().name(), health == null ? null : health.reason(),
                line.evictedUntil());
    }

    private static Long live(Supplier<Long> count) {
        try {
            return count.get();
        } catch (RuntimeException e) {
            log.debug("Live leases cannot be read: {}", e.toString());
            return null;
        }
    }
}
