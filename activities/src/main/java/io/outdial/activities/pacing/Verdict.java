package io.outdial.activities.pacing;

/** The answer to a reservation: granted, or the first limit (in level order) that denied it. */
public enum Verdict {
    GRANTED(null),
    CAMPAIGN_CAPS(Level.CAMPAIGN),
    CAMPAIGN_CONCURRENCY(Level.CAMPAIGN),
    FS_NODE_CAPS(Level.FS_NODE),
    FS_NODE_CONCURRENCY(Level.FS_NODE),
    LINE_CAPS(Level.LINE),
    LINE_CONCURRENCY(Level.LINE),
    /** The line has room, but what is left is kept for campaigns below their fair share of it. */
    LINE_FAIR_SHARE(Level.LINE);

    /** The resource a limit belongs to. */
    public enum Level { CAMPAIGN, FS_NODE, LINE }

    private final Level level;

    Verdict(Level level) {
        this.level = level;
    }

    /** The level that denied; {@code null} when granted. */
    public Level level() {
        return level;
    }

    public boolean granted() {
        return this == GRANTED;
    }

    /** Decodes a script's reply: 0 granted, 1..7 the denial in declaration order. */
    static Verdict fromCode(long code) {
        return values()[(int) code];
    }
}
