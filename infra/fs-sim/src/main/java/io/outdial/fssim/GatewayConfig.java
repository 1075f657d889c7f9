package io.outdial.fssim;

/**
 * A carrier trunk reachable as {@code sofia/gateway/<name>/<number>}. Every node has the same
 * gateways and the limits are shared by all nodes, as with a real carrier.
 *
 * @param name gateway name used in dial strings
 * @param caps call attempts per wall-clock second the carrier accepts; more get SIP 503
 * @param maxConcurrency calls the carrier carries at once; more get SIP 503
 * @param mix outcome weights for numbers that are not scripted
 * @param ringMs time from originate to answer (or to busy/reject)
 * @param talkMs time from answer to hangup
 * @param progressMediaProbability chance that a ringing call also sends 183 (CHANNEL_PROGRESS_MEDIA)
 */
public record GatewayConfig(String name, int caps, int maxConcurrency, OutcomeMix mix, MsRange ringMs,
                            MsRange talkMs, double progressMediaProbability) {

    public GatewayConfig {
        if (name == null || name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException("gateway name must be non-blank without '/'");
        }
        if (caps < 0 || maxConcurrency < 0) {
            throw new IllegalArgumentException("gateway " + name + ": caps and maxConcurrency must be >= 0");
        }
        mix = mix == null ? OutcomeMix.defaults() : mix;
        ringMs = ringMs == null ? MsRange.of(300, 1500) : ringMs;
        talkMs = talkMs == null ? MsRange.of(500, 3000) : talkMs;
    }

    /** A gateway with the default limits: caps 10, 100 concurrent calls, default mix and timings. */
    public static GatewayConfig named(String name) {
        return new GatewayConfig(name, 10, 100, OutcomeMix.defaults(), MsRange.of(300, 1500),
                MsRange.of(500, 3000), 0.3);
    }

    public GatewayConfig withCaps(int newCaps) {
        return new GatewayConfig(name, newCaps, maxConcurrency, mix, ringMs, talkMs, progressMediaProbability);
    }

    public GatewayConfig withMaxConcurrency(int newMax) {
        return new GatewayConfig(name, caps, newMax, mix, ringMs, talkMs, progressMediaProbability);
    }

    public GatewayConfig withMix(OutcomeMix newMix) {
        return new GatewayConfig(name, caps, maxConcurrency, newMix, ringMs, talkMs, progressMediaProbability);
    }

    public GatewayConfig withRingMs(MsRange newRing) {
        return new GatewayConfig(name, caps, maxConcurrency, mix, newRing, talkMs, progressMediaProbability);
    }

    public GatewayConfig withTalkMs(MsRange newTalk) {
        return new GatewayConfig(name, caps, maxConcurrency, mix, ringMs, newTalk, progressMediaProbability);
    }

    public GatewayConfig withProgressMediaProbability(double p) {
        return new GatewayConfig(name, caps, maxConcurrency, mix, ringMs, talkMs, p);
    }
}
