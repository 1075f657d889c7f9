package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReconciliationTest {

    @Test
    void aMissingReportOrALinkLostAfterSendingNeedsReconciling() {
        assertThat(Reconciliation.needed(null)).isTrue();
        assertThat(Reconciliation.needed(CallReports.sent().job(null).connectionLost().build())).isTrue();
        assertThat(Reconciliation.needed(CallReports.sent().rang().connectionLost().build())).isTrue();
    }

    @Test
    void anEndedFailedOrUnsentCallNeedsNoReconciling() {
        assertThat(Reconciliation.needed(CallReports.sent().rang().hangup("USER_BUSY").connectionLost().build()))
                .isFalse();
        assertThat(Reconciliation.needed(CallReports.sent().job("-ERR GATEWAY_DOWN").connectionLost().build()))
                .isFalse();
        assertThat(Reconciliation.needed(CallReports.notSent().build())).isFalse();
        assertThat(Reconciliation.needed(CallReports.sent().timedOut().build())).isFalse();
    }

    @Test
    void aFollowedEndKeepsWhatWasSeenBeforeTheLinkWasLost() {
        PlaceCallResult before = CallReports.sent().rang().connectionLost().build();

        PlaceCallResult merged = Reconciliation.merge(before, "u",
                new ChannelEnd(true, false, false, "NO_ANSWER", 487, 0, 0, 99));

        assertThat(merged.progress()).isTrue();
        assertThat(merged.hangupCause()).isEqualTo("NO_ANSWER");
        assertThat(merged.startedAtMs()).isEqualTo(before.startedAtMs());
        assertThat(Reconciliation.verdict(merged).outcome()).isEqualTo(CallOutcome.NO_ANSWER);
    }

    @Test
    void aReconciledCallNeverGetsAClassThatFailsOver() {
        PlaceCallResult gatewayDown = Reconciliation.merge(null, "u",
                new ChannelEnd(true, false, false, "GATEWAY_DOWN", null, 0, 0, 99));
        PlaceCallResult crashed = Reconciliation.merge(null, "u",
                new ChannelEnd(true, false, false, "CRASH", null, 0, 0, 99));

        assertThat(Reconciliation.verdict(gatewayDown).faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        assertThat(Reconciliation.verdict(crashed).faultClass()).isEqualTo(FaultClass.INDETERMINATE);
        assertThat(Reconciliation.verdict(Reconciliation.merge(null, "u", ChannelEnd.unseen(99))).faultClass())
                .isEqualTo(FaultClass.INDETERMINATE);
    }
}
