package io.outdial.fssim.call;

import io.outdial.fssim.GatewayConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The carriers behind the gateways, shared by all nodes: up/down state, the outage fault (every INVITE
 * refused with 503), the per-second CAPS counter and the concurrency counter. Thread-safe.
 */
public final class Carrier {

    /** What the carrier does with a new INVITE. */
    public enum Admission { ACCEPTED, OVER_CAPS, OVER_CONCURRENCY, REFUSING }

    private static final class Trunk {
        final GatewayConfig config;
        boolean up = true;
        boolean refusing;
        long second = -1;
        int attemptsThisSecond;
        int concurrent;

        Trunk(GatewayConfig config) {
            this.config = config;
        }
    }

    private final Map<String, Trunk> trunks = new LinkedHashMap<>();

    public Carrier(List<GatewayConfig> gateways) {
        gateways.forEach(g -> trunks.put(g.name(), new Trunk(g)));
    }

    public boolean exists(String gateway) {
        return gateway != null && trunks.containsKey(gateway);
    }

    public GatewayConfig config(String gateway) {
        return trunks.get(gateway).config;
    }

    public synchronized boolean isUp(String gateway) {
        return trunks.get(gateway).up;
    }

    public synchronized void setUp(String gateway, boolean up) {
        Trunk t = trunks.get(gateway);
        if (t == null) {
            throw new IllegalArgumentException("unknown gateway " + gateway);
        }
        t.up = up;
    }

    /** While {@code refusing}, the carrier answers every INVITE through this gateway with 503. */
    public synchronized void setRefusing(String gateway, boolean refusing) {
        Trunk t = trunks.get(gateway);
        if (t == null) {
            throw new IllegalArgumentException("unknown gateway " + gateway);
        }
        t.refusing = refusing;
    }

    /** Counts an INVITE received in {@code epochSecond}; takes a concurrency slot when accepted. */
    public synchronized Admission admit(String gateway, long epochSecond) {
        Trunk t = trunks.get(gateway);
        if (t.second != epochSecond) {
            t.second = epochSecond;
            t.attemptsThisSecond = 0;
        }
        t.attemptsThisSecond++;
        if (t.refusing) {
            return Admission.REFUSING;
        }
        if (t.attemptsThisSecond > t.config.caps()) {
            return Admission.OVER_CAPS;
        }
        if (t.concurrent >= t.config.maxConcurrency()) {
            return Admission.OVER_CONCURRENCY;
        }
        t.concurrent++;
        return Admission.ACCEPTED;
    }

    public synchronized void release(String gateway) {
        Trunk t = trunks.get(gateway);
        if (t.concurrent > 0) {
            t.concurrent--;
        }
    }

    public synchronized Map<String, Integer> concurrentCalls() {
        Map<String, Integer> out = new LinkedHashMap<>();
        trunks.forEach((name, t) -> out.put(name, t.concurrent));
        return out;
    }

    public Map<String, Integer> caps() {
        Map<String, Integer> out = new LinkedHashMap<>();
        trunks.forEach((name, t) -> out.put(name, t.config.caps()));
        return out;
    }
}
