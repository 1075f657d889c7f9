package io.outdial.workflows.campaign;

/**
 * A live change of pacing; a {@code null} field keeps its current value.
 *
 * @param caps           new calls-per-second limit, 1 to {@link #MAX_CAPS}
 * @param maxConcurrency new concurrency limit, 1 to {@link #MAX_CONCURRENCY}
 */
public record PacingChange(Integer caps, Integer maxConcurrency) {

    /** The highest CAPS a campaign may ask for. */
    public static final int MAX_CAPS = 10_000;

    /** The highest concurrency a campaign may ask for. */
    public static final int MAX_CONCURRENCY = 100_000;
}
