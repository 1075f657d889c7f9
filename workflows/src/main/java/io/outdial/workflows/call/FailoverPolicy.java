package io.outdial.workflows.call;

/**
 * Decides whether a failed call may be dialed again on another route (DESIGN.md section 6). A pure
 * function of what was observed: only a fault that proves the callee's phone did not ring moves.
 */
public final class FailoverPolicy {

    /** Failovers per call when the request does not say. */
    public static final int DEFAULT_MAX_FAILOVERS = 2;

    /** Where a failed call may go next. */
    public enum Move {
        /** Nowhere: the verdict is final. */
        NONE,
        /** Another line (a carrier or gateway fault before any progress). */
        OTHER_LINE,
        /** Another FreeSWITCH node (a switch fault before any channel existed). */
        OTHER_FS_NODE
    }

    private FailoverPolicy() {
    }

    /**
     * The move a verdict allows.
     *
     * @param observed what the place-call activity saw; {@code null} if it reported nothing
     * @param verdict  its classification
     */
    public static Move move(PlaceCallResult observed, Classification verdict) {
        if (observed == null || observed.duplicate() || observed.answered() || observed.billsec() > 0) {
            return Move.NONE;
        }
        return switch (verdict.faultClass()) {
            case LINE_FAULT -> observed.progress() ? Move.NONE : Move.OTHER_LINE;
            case SWITCH_FAULT -> observed.created() || observed.progress() ? Move.NONE : Move.OTHER_FS_NODE;
            default -> Move.NONE;
        };
    }

    /** The failover bound of a request: its own when positive, the default when 0, none when negative. */
    public static int maxFailovers(CallRequest request) {
        if (request.maxFailovers() == 0) {
            return DEFAULT_MAX_FAILOVERS;
        }
        return Math.max(0, request.maxFailovers());
    }
}
