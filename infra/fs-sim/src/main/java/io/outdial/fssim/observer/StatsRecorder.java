package io.outdial.fssim.observer;

import io.outdial.fssim.SimStats;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts what the simulator receives and how calls end. Thread-safe; {@link #reset()} starts over. */
public final class StatsRecorder {

    /** Per-second originate counts older than this many seconds are dropped. */
    static final long SECONDS_KEPT = 3600;

    private long originates;
    private final Map<String, TreeMap<Long, Long>> perGatewayPerSecond = new TreeMap<>();
    private final Map<String, Long> maxPerSecond = new TreeMap<>();
    private final Map<String, Long> dialsPerNumber = new HashMap<>();
    private final Map<String, Long> perCampaign = new TreeMap<>();
    private long numbersDialedMoreThanOnce;
    private final Map<String, Map<String, Long>> commands = new TreeMap<>();
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long answered;

    public synchronized void command(String nodeId, String key) {
        commands.computeIfAbsent(nodeId, n -> new TreeMap<>()).merge(key, 1L, Long::sum);
    }

    /**
     * An originate was received; {@code gateway}, {@code number} and {@code campaign} (its {@code campaign_id}
     * channel variable) are null when it named none.
     */
    public synchronized void originate(String gateway, String number, String campaign, long epochSecond) {
        originates++;
        if (campaign != null) {
            perCampaign.merge(campaign, 1L, Long::sum);
        }
        if (gateway != null) {
            TreeMap<Long, Long> seconds = perGatewayPerSecond.computeIfAbsent(gateway, g -> new TreeMap<>());
            long n = seconds.merge(epochSecond, 1L, Long::sum);
            maxPerSecond.merge(gateway, n, Math::max);
            seconds.headMap(epochSecond - SECONDS_KEPT).clear();
        }
        if (number != null && dialsPerNumber.merge(number, 1L, Long::sum) == 2) {
            numbersDialedMoreThanOnce++;
        }
    }

    /** An originate finished with {@code cause} (a hangup cause or the cause of an -ERR result). */
    public synchronized void outcome(String cause, boolean wasAnswered) {
        outcomes.merge(cause, 1L, Long::sum);
        if (wasAnswered) {
            answered++;
        }
    }

    public synchronized void reset() {
        originates = 0;
        perGatewayPerSecond.clear();
        maxPerSecond.clear();
        dialsPerNumber.clear();
        perCampaign.clear();
        numbersDialedMoreThanOnce = 0;
        commands.clear();
        outcomes.clear();
        answered = 0;
    }

    public synchronized SimStats snapshot(Map<String, Integer> gatewayCaps, Map<String, Integer> currentCalls,
                                          Map<String, Integer> currentCallsPerGateway) {
        Map<String, Map<Long, Long>> perSecond = new TreeMap<>();
        perGatewayPerSecond.forEach((gw, seconds) -> perSecond.put(gw, new TreeMap<>(seconds)));
        Map<String, Map<String, Long>> commandsCopy = new TreeMap<>();
        commands.forEach((node, counts) -> commandsCopy.put(node, new TreeMap<>(counts)));
        return new SimStats(originates, perSecond, new TreeMap<>(maxPerSecond), new LinkedHashMap<>(gatewayCaps),
                new TreeMap<>(dialsPerNumber), numbersDialedMoreThanOnce, new LinkedHashMap<>(currentCalls),
                new LinkedHashMap<>(currentCallsPerGateway), commandsCopy, new TreeMap<>(outcomes), answered,
                new TreeMap<>(perCampaign));
    }
}
