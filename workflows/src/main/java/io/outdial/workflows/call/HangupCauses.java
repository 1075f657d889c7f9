package io.outdial.workflows.call;

import java.util.Map;
import java.util.Set;

/**
 * FreeSWITCH hangup cause names ({@code switch_types.h}) grouped by what they prove about a call,
 * and the SIP status to cause mapping of {@code sofia_glue_sip_cause_to_freeswitch}.
 */
final class HangupCauses {

    /** Causes decided on the callee's side, with the outcome a campaign manager reads. */
    static final Map<String, CallOutcome> CALLEE = Map.ofEntries(
            Map.entry("USER_BUSY", CallOutcome.BUSY),
            Map.entry("NO_ANSWER", CallOutcome.NO_ANSWER),
            Map.entry("NO_USER_RESPONSE", CallOutcome.NO_ANSWER),
            Map.entry("SUBSCRIBER_ABSENT", CallOutcome.NO_ANSWER),
            Map.entry("CALL_REJECTED", CallOutcome.REJECTED),
            Map.entry("USER_NOT_REGISTERED", CallOutcome.REJECTED),
            Map.entry("UNALLOCATED_NUMBER", CallOutcome.INVALID_NUMBER),
            Map.entry("NO_ROUTE_DESTINATION", CallOutcome.INVALID_NUMBER),
            Map.entry("INVALID_NUMBER_FORMAT", CallOutcome.INVALID_NUMBER),
            Map.entry("NUMBER_CHANGED", CallOutcome.INVALID_NUMBER),
            // the SIP 6xx "global" answers and the originate's own ring timeout
            Map.entry("BUSY_EVERYWHERE", CallOutcome.BUSY),
            Map.entry("DECLINE", CallOutcome.REJECTED),
            Map.entry("UNWANTED", CallOutcome.REJECTED),
            Map.entry("DOES_NOT_EXIST_ANYWHERE", CallOutcome.INVALID_NUMBER),
            Map.entry("NO_PICKUP", CallOutcome.NO_ANSWER));

    /** Carrier or gateway trouble: a line fault when no progress was seen. */
    static final Set<String> LINE = Set.of(
            "NORMAL_TEMPORARY_FAILURE",
            "NETWORK_OUT_OF_ORDER",
            "GATEWAY_DOWN",
            "INCOMPATIBLE_DESTINATION",
            "NORMAL_CIRCUIT_CONGESTION",
            "SWITCH_CONGESTION",
            "NO_ROUTE_TRANSIT_NET",
            "EXCHANGE_ROUTING_ERROR",
            "REQUESTED_CHAN_UNAVAIL",
            "SERVICE_UNAVAILABLE",
            "SERVICE_NOT_IMPLEMENTED",
            "OUTGOING_CALL_BARRED",
            "INTERWORKING");

    /** FreeSWITCH-side trouble: a switch fault when no channel was created. */
    static final Set<String> SWITCH = Set.of(
            "DESTINATION_OUT_OF_ORDER",
            "INVALID_GATEWAY",
            "CRASH",
            "SYSTEM_SHUTDOWN");

    private HangupCauses() {
    }

    /** The cause FreeSWITCH gives a final SIP status, as mod_sofia maps it; {@code null} if unknown. */
    static String forSipStatus(int status) {
        return switch (status) {
            case 200 -> "NORMAL_CLEARING";
            case 401, 402, 403, 407, 603 -> "CALL_REJECTED";
            case 404 -> "UNALLOCATED_NUMBER";
            case 485, 604 -> "NO_ROUTE_DESTINATION";
            case 408, 504 -> "RECOVERY_ON_TIMER_EXPIRE";
            case 410 -> "NUMBER_CHANGED";
            case 413, 414, 416, 420, 421, 423, 505, 513 -> "INTERWORKING";
            case 480 -> "NO_USER_RESPONSE";
            case 400, 481, 500, 503 -> "NORMAL_TEMPORARY_FAILURE";
            case 486, 600 -> "USER_BUSY";
            case 484 -> "INVALID_NUMBER_FORMAT";
            case 488, 606 -> "INCOMPATIBLE_DESTINATION";
            case 502 -> "NETWORK_OUT_OF_ORDER";
            case 405 -> "SERVICE_UNAVAILABLE";
            case 406, 415, 501 -> "SERVICE_NOT_IMPLEMENTED";
            case 483 -> "EXCHANGE_ROUTING_ERROR";
            case 487 -> "ORIGINATOR_CANCEL";
            default -> null;
        };
    }
}
