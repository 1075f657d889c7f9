package io.outdial.workflows.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.outdial.workflows.campaign.CampaignInput;
import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.NewTask;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.PacingChange;
import io.outdial.workflows.campaign.PauseRequest;
import io.outdial.workflows.campaign.TaskBatch;
import io.outdial.workflows.campaign.TasksAdded;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverterException;
import io.temporal.common.converter.DefaultDataConverter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The JSON that clients in other languages send and receive (docs/sdk.md shows these payloads): Temporal's
 * default Jackson converter writes the records' component names, reads a payload a Python dict made, and
 * refuses one with a field it does not know.
 */
class PayloadJsonTest {

    private static String json(Object value) {
        Payload payload = DefaultDataConverter.STANDARD_INSTANCE.toPayload(value).orElseThrow();
        return payload.getData().toString(StandardCharsets.UTF_8);
    }

    private static <T> T read(String json, Class<T> type) {
        Payload payload = Payload.newBuilder()
                .putMetadata("encoding", ByteString.copyFromUtf8("json/plain"))
                .setData(ByteString.copyFromUtf8(json))
                .build();
        return DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, type, type);
    }

    @Test
    void payloadsAreWrittenWithTheRecordsFieldNames() {
        assertThat(json(CampaignInput.start(42, new Pacing(5, 10), false)))
                .isEqualTo("{\"campaignId\":42,\"pacing\":{\"caps\":5,\"maxConcurrency\":10},"
                        + "\"inputClosed\":false,\"carried\":null}");
        assertThat(json(new TaskBatch(List.of(new NewTask("+15550100001", "crm-1", "case 7")), true)))
                .isEqualTo("{\"tasks\":[{\"phoneNumber\":\"+15550100001\",\"externalId\":\"crm-1\","
                        + "\"externalRef\":\"case 7\"}],\"last\":true}");
        assertThat(json(new TasksAdded(1, 0, List.of(new TasksAdded.RejectedTask(1, "phoneNumber is too short")))))
                .isEqualTo("{\"added\":1,\"existing\":0,\"rejected\":[{\"index\":1,"
                        + "\"reason\":\"phoneNumber is too short\"}]}");
        assertThat(json(new CampaignProgress(42, CampaignStatus.PAUSED, new Pacing(5, 10), false, 12, 30, 70, 2)))
                .isEqualTo("{\"campaignId\":42,\"status\":\"PAUSED\",\"pacing\":{\"caps\":5,\"maxConcurrency\":10},"
                        + "\"inputClosed\":false,\"rounds\":12,\"released\":30,\"queued\":70,\"inFlight\":2}");
        assertThat(json(new PacingChange(20, null))).isEqualTo("{\"caps\":20,\"maxConcurrency\":null}");
    }

    @Test
    void missingFieldsAreReadAsNullOrZeroOrFalse() {
        assertThat(read("{\"campaignId\":42,\"pacing\":{\"caps\":5,\"maxConcurrency\":10}}", CampaignInput.class))
                .isEqualTo(CampaignInput.start(42, new Pacing(5, 10), false));
        assertThat(read("{}", PauseRequest.class)).isEqualTo(new PauseRequest(null));
        assertThat(read("{\"caps\":20}", PacingChange.class)).isEqualTo(new PacingChange(20, null));
        assertThat(read("{\"tasks\":[{\"phoneNumber\":\"+15550100001\"}]}", TaskBatch.class))
                .isEqualTo(new TaskBatch(List.of(new NewTask("+15550100001", null, null)), false));
    }

    @Test
    void unknownFieldsAreRefused() {
        assertThatThrownBy(() -> read("{\"reason\":\"maintenance\",\"by\":\"crm\"}", PauseRequest.class))
                .isInstanceOf(DataConverterException.class)
                .hasMessageContaining("Unrecognized field \"by\"");
    }
}
