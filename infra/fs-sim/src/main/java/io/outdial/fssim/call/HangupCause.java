package io.outdial.fssim.call;

import java.util.Locale;

/** FreeSWITCH hangup causes (switch_types.h) the simulator produces, with their cause codes. */
public enum HangupCause {
    UNALLOCATED_NUMBER(1),
    NORMAL_CLEARING(16),
    USER_BUSY(17),
    NO_USER_RESPONSE(18),
    NO_ANSWER(19),
    CALL_REJECTED(21),
    DESTINATION_OUT_OF_ORDER(27),
    NORMAL_UNSPECIFIED(31),
    NETWORK_OUT_OF_ORDER(38),
    NORMAL_TEMPORARY_FAILURE(41),
    INCOMPATIBLE_DESTINATION(88),
    RECOVERY_ON_TIMER_EXPIRE(102),
    ORIGINATOR_CANCEL(487),
    CRASH(500),
    SYSTEM_SHUTDOWN(501),
    MANAGER_REQUEST(503),
    ALLOTTED_TIMEOUT(602),
    INVALID_GATEWAY(608),
    GATEWAY_DOWN(609);

    private final int code;

    HangupCause(int code) {
        this.code = code;
    }

    /** The switch cause code; above 127 these are FreeSWITCH's own. */
    public int code() {
        return code;
    }

    /** variable_hangup_cause_q850: FS reports causes above 127 (its own) as NORMAL_CLEARING (16). */
    public int q850() {
        return code <= 127 ? code : NORMAL_CLEARING.code;
    }

    /** The cause named {@code name} (case-insensitive), or {@code fallback} when unknown or blank. */
    public static HangupCause parse(String name, HangupCause fallback) {
        if (name == null || name.isBlank()) {
            return fallback;
        }
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
