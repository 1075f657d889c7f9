package io.outdial.fssim.call;

/** The channel and call states reported in channel events, per stage of an outbound call. */
enum ChannelState {
    CREATED("CS_INIT", "DOWN", 2, "ringing"),
    RINGING("CS_CONSUME_MEDIA", "RINGING", 7, "ringing"),
    EARLY("CS_CONSUME_MEDIA", "EARLY", 7, "early"),
    ACTIVE("CS_CONSUME_MEDIA", "ACTIVE", 7, "answered"),
    HANGUP("CS_HANGUP", "HANGUP", 10, "hangup"),
    REPORTING("CS_REPORTING", "HANGUP", 11, "hangup");

    final String channelState;
    final String callState;
    final int stateNumber;
    final String answerState;

    ChannelState(String channelState, String callState, int stateNumber, String answerState) {
        this.channelState = channelState;
        this.callState = callState;
        this.stateNumber = stateNumber;
        this.answerState = answerState;
    }
}
