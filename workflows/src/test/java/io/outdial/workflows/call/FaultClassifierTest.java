package io.outdial.workflows.call;

import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FaultClassifierTest {

    private static final Classification ANSWERED = new Classification(FaultClass.ANSWERED, CallOutcome.ANSWERED);
    private static final Classification LINE_FAULT =
            new Classification(FaultClass.LINE_FAULT, CallOutcome.LINE_FAILED);
    private static final Classification SWITCH_FAULT =
            new Classification(FaultClass.SWITCH_FAULT, CallOutcome.SWITCH_FAILED);
    private static final Classification INDETERMINATE =
            new Classification(FaultClass.INDETERMINATE, CallOutcome.INDETERMINATE);

    private static Classification callee(CallOutcome outcome) {
        return new Classification(FaultClass.CALLEE_OUTCOME, outcome);
    }

    private static Classification classify(CallReports report) {
        return FaultClassifier.classify(report.build());
    }

    @Nested
    class Answered {

        @Test
        void answeredCallIsAnsweredWhateverTheCause() {
            assertThat(classify(CallReports.sent().answered(42).hangup("NORMAL_CLEARING"))).isEqualTo(ANSWERED);
            assertThat(classify(CallReports.sent().answered(42).hangup("NETWORK_OUT_OF_ORDER")))
                    .isEqualTo(ANSWERED);
        }

        @Test
        void billedSecondsProveAnAnswerEvenWithoutTheAnswerEvent() {
            assertThat(classify(CallReports.sent().rang().billsec(3).hangup("NORMAL_CLEARING")))
                    .isEqualTo(ANSWERED);
        }

        @Test
        void answeredCallWhoseWatchWasCutShortIsStillAnswered() {
            assertThat(classify(CallReports.sent().answered(0).connectionLost())).isEqualTo(ANSWERED);
        }
    }

    @Nested
    class CalleeOutcome {

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({
                "USER_BUSY, BUSY",
                "NO_ANSWER, NO_ANSWER",
                "NO_USER_RESPONSE, NO_ANSWER",
                "SUBSCRIBER_ABSENT, NO_ANSWER",
                "CALL_REJECTED, REJECTED",
                "USER_NOT_REGISTERED, REJECTED",
                "UNALLOCATED_NUMBER, INVALID_NUMBER",
                "NO_ROUTE_DESTINATION, INVALID_NUMBER",
                "INVALID_NUMBER_FORMAT, INVALID_NUMBER",
                "NUMBER_CHANGED, INVALID_NUMBER"})
        void calleeCausesAreCalleeOutcomesWithOrWithoutProgress(String cause, CallOutcome outcome) {
            assertThat(classify(CallReports.sent().created().hangup(cause))).isEqualTo(callee(outcome));
            assertThat(classify(CallReports.sent().rang().hangup(cause))).isEqualTo(callee(outcome));
        }

        @Test
        void busyReportedOnlyInTheJobResultIsBusy() {
            assertThat(classify(CallReports.sent().job("-ERR USER_BUSY"))).isEqualTo(callee(CallOutcome.BUSY));
        }

        @ParameterizedTest(name = "SIP {0} -> {1}")
        @CsvSource({"486, BUSY", "600, BUSY", "480, NO_ANSWER", "603, REJECTED", "403, REJECTED",
                "404, INVALID_NUMBER", "484, INVALID_NUMBER", "410, INVALID_NUMBER", "604, INVALID_NUMBER"})
        void sipStatusAloneIsMappedAsFreeSwitchMapsIt(int sipStatus, CallOutcome outcome) {
            assertThat(classify(CallReports.sent().created().sip(sipStatus))).isEqualTo(callee(outcome));
        }

        @Test
        void causeNamesAreReadWhateverTheirCaseAndSpacing() {
            assertThat(classify(CallReports.sent().created().hangup(" user_busy\n")))
                    .isEqualTo(callee(CallOutcome.BUSY));
            assertThat(classify(CallReports.sent().job("-ERR NO_ANSWER\n"))).isEqualTo(callee(CallOutcome.NO_ANSWER));
        }

        @Test
        void hangupCauseWinsOverTheSipStatus() {
            assertThat(classify(CallReports.sent().rang().hangup("NO_ANSWER").sip(487)))
                    .isEqualTo(callee(CallOutcome.NO_ANSWER));
        }
    }

    @Nested
    class LineFault {

        @ParameterizedTest
        @ValueSource(strings = {"NORMAL_TEMPORARY_FAILURE", "NETWORK_OUT_OF_ORDER", "GATEWAY_DOWN",
                "INCOMPATIBLE_DESTINATION", "NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION", "NO_ROUTE_TRANSIT_NET",
                "EXCHANGE_ROUTING_ERROR", "REQUESTED_CHAN_UNAVAIL", "SERVICE_UNAVAILABLE", "SERVICE_NOT_IMPLEMENTED",
                "OUTGOING_CALL_BARRED", "INTERWORKING"})
        void carrierTroubleBeforeProgressIsALineFault(String cause) {
            assertThat(classify(CallReports.sent().created().hangup(cause))).isEqualTo(LINE_FAULT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"NORMAL_TEMPORARY_FAILURE", "NETWORK_OUT_OF_ORDER", "GATEWAY_DOWN",
                "INCOMPATIBLE_DESTINATION", "NORMAL_CIRCUIT_CONGESTION", "SWITCH_CONGESTION"})
        void carrierTroubleAfterProgressIsIndeterminate(String cause) {
            assertThat(classify(CallReports.sent().rang().hangup(cause))).isEqualTo(INDETERMINATE);
        }

        @Test
        void gatewayDownBeforeAnyChannelIsALineFault() {
            assertThat(classify(CallReports.sent().job("-ERR GATEWAY_DOWN"))).isEqualTo(LINE_FAULT);
        }

        @ParameterizedTest(name = "SIP {0}")
        @ValueSource(ints = {503, 500, 502, 488})
        void carrierErrorStatusesAloneAreLineFaults(int sipStatus) {
            assertThat(classify(CallReports.sent().created().sip(sipStatus))).isEqualTo(LINE_FAULT);
        }
    }

    @Nested
    class SwitchFault {

        @Test
        void originateThatNeverLeftIsASwitchFault() {
            assertThat(classify(CallReports.notSent())).isEqualTo(SWITCH_FAULT);
        }

        @Test
        void connectionLostBeforeSendingIsASwitchFault() {
            assertThat(classify(CallReports.notSent().connectionLost())).isEqualTo(SWITCH_FAULT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DESTINATION_OUT_OF_ORDER", "INVALID_GATEWAY", "CRASH", "SYSTEM_SHUTDOWN"})
        void switchTroubleWithoutAChannelIsASwitchFault(String cause) {
            assertThat(classify(CallReports.sent().job("-ERR " + cause))).isEqualTo(SWITCH_FAULT);
        }

        @ParameterizedTest
        @ValueSource(strings = {"DESTINATION_OUT_OF_ORDER", "INVALID_GATEWAY", "CRASH", "SYSTEM_SHUTDOWN"})
        void switchTroubleAfterTheChannelWasCreatedIsIndeterminate(String cause) {
            assertThat(classify(CallReports.sent().created().hangup(cause))).isEqualTo(INDETERMINATE);
        }
    }

    @Nested
    class Indeterminate {

        @Test
        void missingReportIsIndeterminate() {
            assertThat(FaultClassifier.classify(null)).isEqualTo(INDETERMINATE);
        }

        @Test
        void attemptPlacedBeforeIsIndeterminate() {
            assertThat(classify(CallReports.sent().duplicate())).isEqualTo(INDETERMINATE);
        }

        @ParameterizedTest
        @ValueSource(strings = {"RECOVERY_ON_TIMER_EXPIRE", "ORIGINATOR_CANCEL", "NORMAL_CLEARING",
                "ALLOTTED_TIMEOUT", "A_CAUSE_NOBODY_KNOWS"})
        void unprovenEndsWithoutProgressAreIndeterminate(String cause) {
            assertThat(classify(CallReports.sent().created().hangup(cause))).isEqualTo(INDETERMINATE);
        }

        @Test
        void unansweredNormalClearingAfterProgressIsIndeterminate() {
            assertThat(classify(CallReports.sent().rang().hangup("NORMAL_CLEARING"))).isEqualTo(INDETERMINATE);
        }

        @Test
        void connectionLostAfterSendingIsIndeterminate() {
            assertThat(classify(CallReports.sent().connectionLost())).isEqualTo(INDETERMINATE);
            assertThat(classify(CallReports.sent().rang().connectionLost())).isEqualTo(INDETERMINATE);
        }

        @Test
        void watchTimedOutAfterSendingIsIndeterminate() {
            assertThat(classify(CallReports.sent().created().timedOut())).isEqualTo(INDETERMINATE);
        }

        @Test
        void sentWithoutAnyResultIsIndeterminate() {
            assertThat(classify(CallReports.sent().job(null))).isEqualTo(INDETERMINATE);
        }

        @ParameterizedTest(name = "SIP {0}")
        @ValueSource(ints = {408, 504, 487, 200, 199})
        void sipStatusesThatProveNothingAreIndeterminate(int sipStatus) {
            assertThat(classify(CallReports.sent().created().sip(sipStatus))).isEqualTo(INDETERMINATE);
        }
    }

    /** The whole cause table of FreeSWITCH, in every situation a cause can end a call in. */
    @Nested
    class EveryFreeSwitchCause {

        @ParameterizedTest(name = "{0}: {1} / {2} / {3}")
        @CsvFileSource(resources = "/fs-hangup-causes.csv")
        void hasItsDeclaredVerdictWithoutAChannelBeforeProgressAndAfterIt(String cause, String noChannel,
                                                                            String createdNoProgress,
                                                                            String afterProgress) {
            assertThat(verdict(classify(CallReports.sent().job("-ERR " + cause)))).isEqualTo(noChannel);
            assertThat(verdict(classify(CallReports.sent().created().hangup(cause)))).isEqualTo(createdNoProgress);
            assertThat(verdict(classify(CallReports.sent().rang().hangup(cause)))).isEqualTo(afterProgress);
        }

        private String verdict(Classification classification) {
            return classification.faultClass() == FaultClass.CALLEE_OUTCOME
                    ? classification.outcome().name()
                    : classification.faultClass().name();
        }
    }
}
