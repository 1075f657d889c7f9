package io.outdial.activities.pacing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Reservation meters, tagged {@code level} (campaign, fs_node, line) and {@code resource} (its id):
 * <ul>
 *   <li>{@code outdial.reservations.granted}: one per level of each granted reservation;</li>
 *   <li>{@code outdial.reservations.denied}: tagged as well with the {@code reason}
 *       ({@code line_caps}, {@code line_fair_share}, ...), at the level that denied;</li>
 *   <li>{@code outdial.pacing.in.flight}: a gauge of the live leases of every resource that was ever
 *       granted, read from its lease set when scraped.</li>
 * </ul>
 */
class ReservationMetrics {

    private final MeterRegistry registry;
    private final UnifiedJedis jedis;
    private final Clock clock;
    private final Set<String> gauged = ConcurrentHashMap.newKeySet();

    ReservationMetrics(MeterRegistry registry, UnifiedJedis jedis, Clock clock) {
        this.registry = registry;
        this.jedis = jedis;
        this.clock = clock;
    }

    void record(Route route, Verdict verdict) {
        if (verdict.granted()) {
            List<String> leaseKeys = PacingKeys.leases(route);
            for (Verdict.Level level : Verdict.Level.values()) {
                String resource = resource(route, level);
                Counter.builder("outdial.reservations.granted").description("Reservations granted, per resource")
                        .tags("level", tag(level), "resource", resource).register(registry).increment();
                gauge(level, resource, leaseKeys.get(level.ordinal()));
            }
            return;
        }
        Counter.builder("outdial.reservations.denied").description("Reservations denied, by reason and resource")
                .tags("reason", verdict.name().toLowerCase(Locale.ROOT), "level", tag(verdict.level()),
                        "resource", resource(route, verdict.level()))
                .register(registry).increment();
    }

    private void gauge(Verdict.Level level, String resource, String leaseKey) {
        if (!gauged.add(leaseKey)) {
            return;
        }
        Gauge.builder("outdial.pacing.in.flight", () -> live(leaseKey))
                .description("Calls holding a concurrency lease, per resource")
                .tags("level", tag(level), "resource", resource)
                .register(registry);
    }

    private Number live(String leaseKey) {
        try {
            return jedis.zcount(leaseKey, Long.toString(clock.millis() + 1), "+inf");
        } catch (JedisException e) {
            return Double.NaN;
        }
    }

    private static String resource(Route route, Verdict.Level level) {
        return switch (level) {
            case CAMPAIGN -> Long.toString(route.campaignId());
            case FS_NODE -> route.fsNodeId();
            case LINE -> route.lineId();
        };
    }

    private static String tag(Verdict.Level level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
