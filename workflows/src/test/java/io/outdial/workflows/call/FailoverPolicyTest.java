package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.workflows.call.FailoverPolicy.Move;
import org.junit.jupiter.api.Test;

class FailoverPolicyTest {

    @Test
    void aLineFaultBeforeProgressMovesToAnotherLine() {
        assertThat(moveOf(CallReports.sent().job("-ERR GATEWAY_DOWN"))).isEqualTo(Move.OTHER_LINE);
        assertThat(moveOf(CallReports.sent().created().hangup("NORMAL_TEMPORARY_FAILURE").sip(503)))
                .isEqualTo(Move.OTHER_LINE);
    }

    @Test
    void aSwitchFaultBeforeAnyChannelMovesToAnotherNode() {
        assertThat(moveOf(CallReports.notSent())).isEqualTo(Move.OTHER_FS_NODE);
        assertThat(moveOf(CallReports.sent().job("-ERR DESTINATION_OUT_OF_ORDER"))).isEqualTo(Move.OTHER_FS_NODE);
    }

    @Test
    void nothingElseMoves() {
        assertThat(moveOf(CallReports.sent().rang().hangup("NORMAL_TEMPORARY_FAILURE"))).isEqualTo(Move.NONE);
        assertThat(moveOf(CallReports.sent().rang().hangup("USER_BUSY"))).isEqualTo(Move.NONE);
        assertThat(moveOf(CallReports.sent().answered(3).hangup("NORMAL_CLEARING"))).isEqualTo(Move.NONE);
        assertThat(moveOf(CallReports.sent().job(null).connectionLost())).isEqualTo(Move.NONE);
        assertThat(moveOf(CallReports.notSent().duplicate())).isEqualTo(Move.NONE);
        assertThat(FailoverPolicy.move(null, FaultClassifier.classify(null))).isEqualTo(Move.NONE);
    }

    @Test
    void theBoundIsTheRequestsOwnTwoWhenAbsentAndNoneWhenNegative() {
        assertThat(FailoverPolicy.maxFailovers(new CallRequest(1, 2, 1, "fs", "l", "gw", 0, 30))).isEqualTo(2);
        assertThat(FailoverPolicy.maxFailovers(new CallRequest(1, 2, 1, "fs", "l", "gw", 0, 30, 5))).isEqualTo(5);
        assertThat(FailoverPolicy.maxFailovers(new CallRequest(1, 2, 1, "fs", "l", "gw", 0, 30, -1))).isZero();
    }

    private static Move moveOf(CallReports report) {
        PlaceCallResult observed = report.build();
        return FailoverPolicy.move(observed, FaultClassifier.classify(observed));
    }
}
