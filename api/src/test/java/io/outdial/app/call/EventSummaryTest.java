package io.outdial.app.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.api.enums.v1.EventType;
import org.junit.jupiter.api.Test;

/** Free text of a history (failure messages, termination reasons) never shows a whole phone number. */
class EventSummaryTest {

    @Test
    void masksEveryDigitRunThatCouldBeAPhoneNumber() {
        String scrubbed = EventSummary.scrub("originate to +15550300003 failed; retry 1555 030 0004 (attempt 2)");
        assertThat(scrubbed).doesNotContain("1555030").doesNotContain("555 030")
                .contains("0003").contains("0004").contains("attempt 2");
    }

    @Test
    void cutsLongTextShort() {
        assertThat(EventSummary.scrub("x".repeat(1000))).hasSizeLessThan(310).endsWith("...");
    }

    @Test
    void namesEventTypesAsTheWebUiDoes() {
        assertThat(WorkflowHistoryReader.typeName(EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED))
                .isEqualTo("ActivityTaskScheduled");
        assertThat(WorkflowHistoryReader.typeName(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED))
                .isEqualTo("WorkflowExecutionUpdateAccepted");
    }
}
