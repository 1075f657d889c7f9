package io.outdial.activities.linehealth;

import io.micrometer.core.instrument.MeterRegistry;
import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.LineCounts;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Judges every enabled line against its pool's norm from the per-minute counters of
 * {@link ConnectRates}, and moves it through {@link LineState}: a healthy line that breaks a rule of
 * {@link HealthRules} over the sliding window is evicted for the cool-down; when the cool-down ends it
 * is on probation (rounds give it a trickle); once it has made enough probe calls it is re-admitted if
 * they are healthy, else evicted again. Run it every few seconds on any number of app nodes: each
 * change is a compare-and-set in PostgreSQL, made once.
 */
public class LineHealthEvaluator {

    private static final Logger log = LoggerFactory.getLogger(LineHealthEvaluator.class);

    private final LineHealthRepository lines;
    private final ConnectRates counters;
    private final LineHealthSettings settings;
    private final HealthRules rules;
    private final LineHealthMetrics metrics;
    private final Clock clock;

    public LineHealthEvaluator(DataSource dataSource, UnifiedJedis jedis, LineHealthSettings settings,
                               MeterRegistry meters, Clock clock) {
        this.lines = new LineHealthRepository(dataSource);
        this.counters = new ConnectRates(jedis);
        this.settings = settings;
        this.rules = new HealthRules(settings);
        this.metrics = new LineHealthMetrics(meters);
        this.clock = clock;
    }

    /** One pass over every enabled line; returns the changes this call made. */
    public List<LineHealthChange> evaluate() {
        Instant now = clock.instant();
        List<TrackedLine> all = lines.all();
        List<LineHealthChange> changes = new ArrayList<>();
        byPool(all.stream().filter(TrackedLine::enabled).toList())
                .forEach((poolId, poolLines) -> evaluatePool(poolId, poolLines, now, changes));
        metrics.states(changes.isEmpty() ? all : lines.all(), now);
        return changes;
    }

    /** Every line's health now, by line id. */
    public Map<String, LineHealthReport> reports() {
        return reports(lines.all());
    }

    /** The line's health now; empty if there is no such line. */
    public Optional<LineHealthReport> report(String lineId) {
        return lines.find(lineId).map(line -> reports(List.of(line)).get(lineId));
    }

    private Map<String, LineHealthReport> reports(List<TrackedLine> tracked) {
        Instant now = clock.instant();
        Map<String, LineHealthReport> reports = new LinkedHashMap<>();
        byPool(tracked).forEach((poolId, poolLines) -> {
            Map<String, LineCounts> shown = shownCounts(poolId, poolLines, now);
            for (TrackedLine line : poolLines) {
                reports.put(line.id(), new LineHealthReport(line.effectiveState(now), line.reason(), line.since(),
                        line.evictedUntil(), shown.get(line.id())));
            }
        });
        return reports;
    }

    /** The probe calls of lines on probation, the window of the others; none if Redis cannot be read. */
    private Map<String, LineCounts> shownCounts(long poolId, List<TrackedLine> poolLines, Instant now) {
        try {
            Map<String, LineCounts> shown = new LinkedHashMap<>(windows(poolId, poolLines, now));
            shown.putAll(probes(poolId, poolLines));
            return shown;
        } catch (JedisException e) {
            // the state is in PostgreSQL; without Redis only the counts are unknown
            log.warn("Line counters of pool {} unavailable: {}", poolId, e.toString());
            return Map.of();
        }
    }

    private void evaluatePool(long poolId, List<TrackedLine> poolLines, Instant now, List<LineHealthChange> changes) {
        Map<String, LineCounts> windows = windows(poolId, poolLines, now);
        Map<String, LineCounts> probes = probes(poolId, poolLines);
        double norm = HealthRules.median(poolLines.stream()
                .filter(line -> line.state() == LineState.HEALTHY)
                .map(line -> windows.get(line.id()))
                .filter(counts -> counts.attempts() >= settings.minAttempts())
                .map(LineCounts::connectRate)
                .toList());
        for (TrackedLine line : poolLines) {
            switch (line.state()) {
                case HEALTHY -> rules.judge(windows.get(line.id()), norm, settings.minAttempts())
                        .ifPresent(eviction -> evict(line, eviction, eviction.detail(), now, changes));
                case EVICTED -> {
                    if (line.effectiveState(now) == LineState.PROBATION) {
                        startProbation(line, poolId, now, changes);
                    }
                }
                case PROBATION -> judgeProbe(line, probes.get(line.id()), norm, now, changes);
            }
        }
    }

    private void judgeProbe(TrackedLine line, LineCounts probe, double norm, Instant now,
                            List<LineHealthChange> changes) {
        int needed = rules.probeAttempts(norm);
        if (probe.attempts() < needed) {
            return;
        }
        Optional<Eviction> eviction = rules.judge(probe, norm, needed);
        if (eviction.isPresent()) {
            evict(line, eviction.get(), "probe failed: " + eviction.get().detail(), now, changes);
            return;
        }
        String reason = "probe passed: %d calls, %d line faults, %d answered"
                .formatted(probe.attempts(), probe.faults(), probe.connects());
        if (lines.readmit(line, now, reason)) {
            metrics.readmitted(line);
            log.info("Line {} re-admitted: {}", line.id(), reason);
            changes.add(new LineHealthChange(line.id(), line.state(), LineState.HEALTHY, reason));
        }
    }

    private void evict(TrackedLine line, Eviction eviction, String reason, Instant now,
                       List<LineHealthChange> changes) {
        Instant until = now.plus(settings.coolDown());
        if (lines.evict(line, now, until, reason)) {
            metrics.evicted(line, eviction.cause());
            log.warn("Line {} evicted until {}: {}", line.id(), until, reason);
            changes.add(new LineHealthChange(line.id(), line.state(), LineState.EVICTED, reason));
        }
    }

    private void startProbation(TrackedLine line, long poolId, Instant now, List<LineHealthChange> changes) {
        LineCounts base = counters.totals(poolId, List.of(line.id())).get(line.id());
        String reason = "cool-down over, probing; evicted for: " + line.reason();
        if (lines.startProbation(line, now, reason, base)) {
            log.info("Line {} on probation", line.id());
            changes.add(new LineHealthChange(line.id(), line.state(), LineState.PROBATION, reason));
        }
    }

    /** The sliding window of each line; a healthy line's only from the minute after its re-admission. */
    private Map<String, LineCounts> windows(long poolId, List<TrackedLine> poolLines, Instant now) {
        Map<String, Long> since = poolLines.stream()
                .filter(line -> line.state() == LineState.HEALTHY && line.since() != null)
                .collect(Collectors.toMap(TrackedLine::id, line -> line.since().toEpochMilli()));
        return counters.window(poolId, poolLines.stream().map(TrackedLine::id).toList(), since, now.toEpochMilli(),
                settings.windowMinutes());
    }

    /** The probe calls of each line on probation. */
    private Map<String, LineCounts> probes(long poolId, List<TrackedLine> poolLines) {
        List<TrackedLine> probed = poolLines.stream().filter(line -> line.state() == LineState.PROBATION).toList();
        if (probed.isEmpty()) {
            return Map.of();
        }
        Map<String, LineCounts> totals = counters.totals(poolId, probed.stream().map(TrackedLine::id).toList());
        return probed.stream().collect(Collectors.toMap(TrackedLine::id,
                line -> totals.get(line.id()).since(line.probeBase())));
    }

    private static Map<Long, List<TrackedLine>> byPool(List<TrackedLine> lines) {
        return lines.stream().collect(Collectors.groupingBy(TrackedLine::poolId, LinkedHashMap::new,
                Collectors.toList()));
    }
}
