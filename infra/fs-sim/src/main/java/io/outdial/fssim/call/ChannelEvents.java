package io.outdial.fssim.call;

import io.outdial.fssim.esl.EslEvent;
import io.outdial.fssim.events.EventSource;
import io.outdial.fssim.events.EventStamp;
import java.util.Map;

/** Builds the channel events of an outbound call with FreeSWITCH's header names and order. */
public final class ChannelEvents {

    private ChannelEvents() {
    }

    public static EslEvent create(EventStamp stamp, Call call) {
        return channel(stamp.begin("CHANNEL_CREATE", EventSource.CHANNEL_CREATE), call, ChannelState.CREATED).build();
    }

    public static EslEvent progress(EventStamp stamp, Call call) {
        return channel(stamp.begin("CHANNEL_PROGRESS", EventSource.RING_READY), call, ChannelState.RINGING).build();
    }

    public static EslEvent progressMedia(EventStamp stamp, Call call) {
        return channel(stamp.begin("CHANNEL_PROGRESS_MEDIA", EventSource.PRE_ANSWERED), call, ChannelState.EARLY)
                .build();
    }

    public static EslEvent answer(EventStamp stamp, Call call) {
        return channel(stamp.begin("CHANNEL_ANSWER", EventSource.ANSWERED), call, ChannelState.ACTIVE).build();
    }

    public static EslEvent hangup(EventStamp stamp, Call call) {
        EslEvent.Builder b = stamp.begin("CHANNEL_HANGUP", EventSource.HANGUP)
                .header("Hangup-Cause", call.cause.name());
        channel(b, call, ChannelState.HANGUP);
        hangupVariables(b, call);
        return b.build();
    }

    public static EslEvent hangupComplete(EventStamp stamp, Call call) {
        EslEvent.Builder b = stamp.begin("CHANNEL_HANGUP_COMPLETE", EventSource.HANGUP_COMPLETE)
                .header("Hangup-Cause", call.cause.name());
        channel(b, call, ChannelState.REPORTING);
        hangupVariables(b, call);
        return b.header("variable_duration", call.durationSec())
                .header("variable_billsec", call.billSec())
                .header("variable_progresssec", call.progressSec())
                .build();
    }

    private static EslEvent.Builder channel(EslEvent.Builder b, Call call, ChannelState state) {
        b.header("Channel-State", state.channelState)
                .header("Channel-Call-State", state.callState)
                .header("Channel-State-Number", state.stateNumber)
                .header("Channel-Name", "sofia/external/" + call.number())
                .header("Unique-ID", call.uuid())
                .header("Call-Direction", "outbound")
                .header("Presence-Call-Direction", "outbound")
                .header("Channel-HIT-Dialplan", "false")
                .header("Answer-State", state.answerState);
        if (call.cause != null) {
            b.header("Hangup-Cause", call.cause.name());
        }
        for (Map.Entry<String, String> v : call.variables().entrySet()) {
            b.header("variable_" + v.getKey(), v.getValue());
        }
        return b;
    }

    private static void hangupVariables(EslEvent.Builder b, Call call) {
        if (call.sipStatus > 0) {
            b.header("variable_sip_term_status", call.sipStatus)
                    .header("variable_proto_specific_hangup_cause", "sip:" + call.sipStatus)
                    .header("variable_sip_hangup_disposition", call.disposition);
        }
        b.header("variable_hangup_cause", call.cause.name())
                .header("variable_hangup_cause_q850", call.cause.q850());
    }
}
