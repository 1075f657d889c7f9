package io.outdial.activities.tasks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.campaign.AddTasksRequest;
import io.outdial.workflows.campaign.NewTask;
import io.outdial.workflows.campaign.TasksAdded;
import io.outdial.workflows.campaign.TasksAdded.RejectedTask;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

@ExtendWith(StorageExtension.class)
class TaskBatchImportTest {

    private final TaskBatchImport batches;
    private final TaskQueue queue;
    private final TestData data;
    private final JdbcClient jdbc;
    private long campaignId;

    TaskBatchImportTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.queue = new TaskQueue(jedis);
        this.batches = new TaskBatchImport(dataSource, queue, new PhoneNumberNormaliser());
        this.jdbc = JdbcClient.create(dataSource);
        this.data = data;
    }

    @BeforeEach
    void seedACampaign() {
        campaignId = data.campaign().fsNode("fs1", 10, 10).line("line1", "gw1", 10, 10).create().campaignId();
    }

    private TasksAdded add(String batchKey, boolean closeInput, NewTask... tasks) {
        return batches.add(new AddTasksRequest(campaignId, batchKey, List.of(tasks), closeInput));
    }

    private List<String> storedNumbers() {
        return jdbc.sql("select phone_number from call_tasks where campaign_id = ? order by id").param(campaignId)
                .query(String.class).list();
    }

    @Test
    void storesGoodNumbersInE164AndQueuesThemAndRejectsBadOnesByIndexWithoutQuotingThem() {
        TasksAdded added = add("b1", false, new NewTask("(202) 555-0101", null, "case-1"),
                new NewTask("12", null, null), new NewTask("+44 20 7946 0958", null, null),
                new NewTask("+1555\r\n0102", null, null));

        assertThat(added.added()).isEqualTo(2);
        assertThat(added.rejected()).extracting(RejectedTask::index).containsExactly(1, 3);
        assertThat(added.rejected()).extracting(RejectedTask::reason)
                .allSatisfy(reason -> assertThat(reason).startsWith("phoneNumber ").doesNotContain("12", "0102"));
        assertThat(storedNumbers()).containsExactly("+12025550101", "+442079460958");
        assertThat(queue.ids(campaignId)).hasSize(2);
    }

    @Test
    void numbersWithoutCountryCodeAreReadInTheTenantsDefaultRegion() {
        jdbc.sql("update tenants set default_region = 'DE' where id = (select tenant_id from campaigns where id = ?)")
                .param(campaignId).update();

        add("b1", false, new NewTask("030 1234567", null, null));

        assertThat(storedNumbers()).containsExactly("+49301234567");
    }

    @Test
    void aRetriedBatchIsStoredOnceAndAnswersAsTheFirstTime() {
        TasksAdded first = add("update-1", false, new NewTask("+12025550101", null, null), new NewTask("x", null, null));
        TasksAdded retry = add("update-1", false, new NewTask("+12025550101", null, null), new NewTask("x", null, null));

        assertThat(retry).isEqualTo(first);
        assertThat(storedNumbers()).hasSize(1);
    }

    @Test
    void aKnownExternalIdIsExistingWithItsNumberAndRejectedWithAnother() {
        add("b1", false, new NewTask("+12025550101", "crm-1", null));

        TasksAdded again = add("b2", false, new NewTask("+1 202 555 0101", "crm-1", null),
                new NewTask("+12025550199", "crm-1", null), new NewTask("+12025550102", "crm-2", null),
                new NewTask("+12025550102", "crm-2", null), new NewTask("+12025550103", "has space", null));

        assertThat(again.added()).isEqualTo(1);
        assertThat(again.existing()).isEqualTo(2);
        assertThat(again.rejected()).containsExactly(
                new RejectedTask(1, "externalId is already used for another phone number"),
                new RejectedTask(4, "externalId must be 1 to 100 printable ASCII characters without spaces"));
        assertThat(storedNumbers()).containsExactly("+12025550101", "+12025550102");
    }

    @Test
    void theLastBatchClosesTheInputAndLaterBatchesFailForGood() {
        add("b1", true, new NewTask("+12025550101", null, null));

        assertThat(jdbc.sql("select input_closed from campaigns where id = ?").param(campaignId)
                .query(Boolean.class).single()).isTrue();
        assertThatThrownBy(() -> add("b2", false, new NewTask("+12025550102", null, null)))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("CampaignInputClosed");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
        assertThat(add("b1", true, new NewTask("+12025550101", null, null)).added())
                .as("a retry of the closing batch still answers").isEqualTo(1);
    }

    @Test
    void aCampaignThatDoesNotExistFailsForGood() {
        assertThatThrownBy(() -> batches.add(new AddTasksRequest(999_999, "b1",
                List.of(new NewTask("+12025550101", null, null)), false)))
                .isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("CampaignNotFound"));
    }
}
