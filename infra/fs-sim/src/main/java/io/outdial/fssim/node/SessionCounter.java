package io.outdial.fssim.node;

import java.util.Arrays;

/**
 * Sessions created per wall-clock second, peaks (ever and over the last 5 minutes) and totals of one
 * node, as {@code status} reports them. Used on the clock thread only.
 */
final class SessionCounter {

    private static final int WINDOW_SECONDS = 300;

    private final int[] createdPerSecond = new int[WINDOW_SECONDS];
    private final int[] concurrentPeakPerSecond = new int[WINDOW_SECONDS];
    private final long[] slotSecond = new long[WINDOW_SECONDS];
    private long second = -1;
    private int thisSecond;
    private int lastSecond;
    private int peakPerSecond;
    private int peakConcurrent;
    private long sinceStartup;

    SessionCounter() {
        reset();
    }

    /** How many sessions were created in {@code epochSecond} so far. */
    int createdIn(long epochSecond) {
        roll(epochSecond);
        return thisSecond;
    }

    void created(long epochSecond, int concurrentNow) {
        roll(epochSecond);
        thisSecond++;
        sinceStartup++;
        peakPerSecond = Math.max(peakPerSecond, thisSecond);
        peakConcurrent = Math.max(peakConcurrent, concurrentNow);
        int slot = slot(epochSecond);
        createdPerSecond[slot] = thisSecond;
        concurrentPeakPerSecond[slot] = Math.max(concurrentPeakPerSecond[slot], concurrentNow);
    }

    int lastSecond(long epochSecond) {
        roll(epochSecond);
        return lastSecond;
    }

    int peakPerSecond() {
        return peakPerSecond;
    }

    int peakConcurrent() {
        return peakConcurrent;
    }

    long sinceStartup() {
        return sinceStartup;
    }

    /** Most sessions created in one second during the last 5 minutes. */
    int peakPerSecondLast5Min(long epochSecond) {
        int max = 0;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (epochSecond - slotSecond[i] < WINDOW_SECONDS) {
                max = Math.max(max, createdPerSecond[i]);
            }
        }
        return max;
    }

    /** Most live sessions at once during the last 5 minutes (at least {@code liveNow}). */
    int peakConcurrentLast5Min(long epochSecond, int liveNow) {
        int max = liveNow;
        for (int i = 0; i < WINDOW_SECONDS; i++) {
            if (epochSecond - slotSecond[i] < WINDOW_SECONDS) {
                max = Math.max(max, concurrentPeakPerSecond[i]);
            }
        }
        return max;
    }

    void reset() {
        second = -1;
        thisSecond = 0;
        lastSecond = 0;
        peakPerSecond = 0;
        peakConcurrent = 0;
        sinceStartup = 0;
        Arrays.fill(slotSecond, Long.MIN_VALUE / 2);
        Arrays.fill(createdPerSecond, 0);
        Arrays.fill(concurrentPeakPerSecond, 0);
    }

    private int slot(long epochSecond) {
        int slot = (int) Math.floorMod(epochSecond, (long) WINDOW_SECONDS);
        if (slotSecond[slot] != epochSecond) {
            slotSecond[slot] = epochSecond;
            createdPerSecond[slot] = 0;
            concurrentPeakPerSecond[slot] = 0;
        }
        return slot;
    }

    private void roll(long epochSecond) {
        if (epochSecond != second) {
            lastSecond = epochSecond == second + 1 ? thisSecond : 0;
            second = epochSecond;
            thisSecond = 0;
        }
    }
}
