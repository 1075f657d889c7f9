package io.outdial.fssim.events;

/** Where in FreeSWITCH's C sources an event is fired (Event-Calling-File/Function/Line-Number). */
public record EventSource(String file, String function, int line) {

    public static final EventSource CHANNEL_CREATE =
            new EventSource("switch_core_state_machine.c", "switch_core_session_run", 627);
    public static final EventSource RING_READY =
            new EventSource("switch_channel.c", "switch_channel_perform_mark_ring_ready_value", 3960);
    public static final EventSource PRE_ANSWERED =
            new EventSource("switch_channel.c", "switch_channel_perform_mark_pre_answered", 3855);
    public static final EventSource ANSWERED =
            new EventSource("switch_channel.c", "switch_channel_perform_mark_answered", 4019);
    public static final EventSource HANGUP =
            new EventSource("switch_channel.c", "switch_channel_perform_hangup", 3554);
    public static final EventSource HANGUP_COMPLETE =
            new EventSource("switch_core_state_machine.c", "switch_core_session_reporting_state", 946);
    public static final EventSource API_EXEC = new EventSource("mod_event_socket.c", "api_exec", 1580);
    public static final EventSource HEARTBEAT = new EventSource("switch_core.c", "send_heartbeat", 81);
}
