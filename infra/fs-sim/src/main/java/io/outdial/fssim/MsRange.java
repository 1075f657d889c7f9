package io.outdial.fssim;

/**
 * An inclusive range of milliseconds from which a duration is drawn uniformly.
 *
 * @param minMs shortest duration, at least 0
 * @param maxMs longest duration, at least {@code minMs}
 */
public record MsRange(long minMs, long maxMs) {

    public MsRange {
        if (minMs < 0 || maxMs < minMs) {
            throw new IllegalArgumentException("invalid range [" + minMs + ", " + maxMs + "] ms");
        }
    }

    public static MsRange of(long minMs, long maxMs) {
        return new MsRange(minMs, maxMs);
    }
}
