package io.outdial.fssim.node;

/** Sessions created per wall-clock second, peaks and totals of one node. Used on the clock thread only. */
final class SessionCounter {

    private long second = -1;
    private int thisSecond;
    private int lastSecond;
    private int peakPerSecond;
    private int peakConcurrent;
    private long sinceStartup;

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

    void reset() {
        second = -1;
        thisSecond = 0;
        lastSecond = 0;
        peakPerSecond = 0;
        peakConcurrent = 0;
        sinceStartup = 0;
    }

    private void roll(long epochSecond) {
        if (epochSecond != second) {
            lastSecond = epochSecond == second + 1 ? thisSecond : 0;
            second = epochSecond;
            thisSecond = 0;
        }
    }
}
