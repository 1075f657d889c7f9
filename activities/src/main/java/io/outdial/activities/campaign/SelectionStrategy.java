package io.outdial.activities.campaign;

/** How a campaign picks the line (and the FS node) of each call among those that have room. */
public enum SelectionStrategy {
    /** Any line with room, uniformly at random; the node at random among those carrying it. */
    RANDOM,
    /** The lines in turn, then the nodes in turn. */
    ROUND_ROBIN,
    /**
     * The line with the best recent connect rate (recent minutes weighted more), except for a small
     * share of calls sent to a random line so a new or recovered line shows its rate; nodes in turn.
     */
    BEST_CONNECT_RATE
}
