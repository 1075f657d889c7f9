package io.outdial.activities.fshealth;

import io.outdial.activities.esl.EslDialer;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The {@link LinkProbe} of an {@link EslDialer}: its link state, and {@code api status} as the active probe. */
public final class EslLinkProbe implements LinkProbe {

    private final EslDialer dialer;

    public EslLinkProbe(EslDialer dialer) {
        this.dialer = dialer;
    }

    @Override
    public Map<String, Boolean> links() {
        Map<String, Boolean> links = new HashMap<>();
        dialer.nodeIds().forEach(id -> links.put(id, dialer.isConnected(id)));
        return links;
    }

    @Override
    public Map<String, Boolean> probe(Duration timeout) {
        Map<String, CompletableFuture<Boolean>> probes = new HashMap<>();
        dialer.nodeIds().forEach(id -> probes.put(id, dialer.probe(id, timeout)));
        Map<String, Boolean> reachable = new HashMap<>();
        // the connection fails each probe after its timeout; the margin only guards against a bug there
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        probes.forEach((id, probe) -> {
            try {
                reachable.put(id, probe.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reachable.put(id, false);
            } catch (Exception e) {
                reachable.put(id, false);
            }
        });
        return reachable;
    }
}
