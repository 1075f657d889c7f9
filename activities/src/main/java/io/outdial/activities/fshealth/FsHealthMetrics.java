package io.outdial.activities.fshealth;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * FS health meters, tagged {@code fs_node}: {@code outdial.fs.node.healthy} (1 healthy, 0 evicted, as
 * this worker last read or decided it), {@code outdial.fs.node.reachable} (1 if this worker's last vote
 * said reachable), and the counters {@code outdial.fs.node.evictions} and
 * {@code outdial.fs.node.readmissions} (changes this worker made).
 */
class FsHealthMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicInteger> healthy = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> reachable = new ConcurrentHashMap<>();

    FsHealthMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void state(String nodeId, HealthState state) {
        gauge(healthy, "outdial.fs.node.healthy", "1 while rounds may choose the FS node, 0 while it is evicted",
                nodeId).set(state == HealthState.HEALTHY ? 1 : 0);
    }

    void reachable(String nodeId, boolean up) {
        gauge(reachable, "outdial.fs.node.reachable", "1 if this worker's last health vote said reachable",
                nodeId).set(up ? 1 : 0);
    }

    void changed(String nodeId, HealthState to) {
        String name = to == HealthState.EVICTED ? "outdial.fs.node.evictions" : "outdial.fs.node.readmissions";
        registry.counter(name, "fs_node", nodeId).increment();
    }

    private AtomicInteger gauge(Map<String, AtomicInteger> gauges, String name, String description, String nodeId) {
        return gauges.computeIfAbsent(nodeId, id -> {
            AtomicInteger value = new AtomicInteger();
            Gauge.builder(name, value, AtomicInteger::get).description(description).tag("fs_node", id)
                    .register(registry);
            return value;
        });
    }
}
