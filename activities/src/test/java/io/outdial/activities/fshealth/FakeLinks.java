package io.outdial.activities.fshealth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A worker's links as a test sets them: the probe answers what the link state says. */
final class FakeLinks implements LinkProbe {

    private final Map<String, Boolean> up = new ConcurrentHashMap<>();

    FakeLinks set(String nodeId, boolean reachable) {
        up.put(nodeId, reachable);
        return this;
    }

    @Override
    public Map<String, Boolean> links() {
        return Map.copyOf(up);
    }

    @Override
    public Map<String, Boolean> probe(Duration timeout) {
        return Map.copyOf(up);
    }
}
