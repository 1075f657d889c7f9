package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.StatusChange;
import io.outdial.activities.testsupport.TestTemporal;
import io.temporal.testing.TestWorkflowEnvironment;
import org.junit.jupiter.api.AfterEach;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;
import redis.clients.jedis.JedisPooled;

/**
 * The campaign workflow's status records as a start straight through Temporal (not through REST) needs them:
 * the first one starts a DRAFT campaign, and a campaign that is not there or has ended fails for good.
 */
@ExtendWith(StorageExtension.class)
class CampaignStatusRecordTest {

    private final TestData data;
    private final JdbcClient jdbc;
    private final TaskQueue queue;
    private final TestWorkflowEnvironment temporal = TestTemporal.environment();
    private final CampaignActivitiesImpl activities;

    CampaignStatusRecordTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.data = data;
        this.jdbc = JdbcClient.create(dataSource);
        this.queue = new TaskQueue(jedis);
        this.activities = new CampaignActivitiesImpl(dataSource, jedis, temporal.getWorkflowClient(),
                Clock.systemUTC(), RoundSettings.defaults());
    }

    @AfterEach
    void stopTemporal() {
        temporal.close();
    }

    private long campaign(String status) {
        long id = data.campaign().fsNode("fs1", 10, 10).line("line1", "gw1", 10, 10).create().campaignId();
        jdbc.sql("update campaigns set status = ? where id = ?").params(status, id).update();
        return id;
    }

    private String column(String column, long campaignId) {
        return jdbc.sql("select " + column + "::text from campaigns where id = ?").param(campaignId)
                .query(String.class).single();
    }

    @Test
    void theFirstRunningRecordOfADraftStartsItAndQueuesItsTasks() {
        long campaignId = campaign("DRAFT");
        List<Long> tasks = data.tasks(campaignId, 3);

        boolean changed = activities.recordStatus(new StatusChange(campaignId, CampaignStatus.RUNNING, new Pacing(4, 8)))
                .changed();

        assertThat(changed).isTrue();
        assertThat(column("status", campaignId)).isEqualTo("RUNNING");
        assertThat(column("workflow_id", campaignId)).isEqualTo("campaign-" + campaignId);
        assertThat(column("caps", campaignId)).isEqualTo("4");
        assertThat(queue.ids(campaignId)).containsExactlyElementsOf(tasks);
    }

    @Test
    void laterRecordsLeaveTheQueueAlone() {
        long campaignId = campaign("RUNNING");
        data.tasks(campaignId, 2);

        activities.recordStatus(new StatusChange(campaignId, CampaignStatus.PAUSED, new Pacing(4, 8)));

        assertThat(column("status", campaignId)).isEqualTo("PAUSED");
        assertThat(queue.size(campaignId)).as("the rounds own a running campaign's queue").isZero();
    }

    @Test
    void aCampaignThatEndedOrDoesNotExistFailsTheRecordForGood() {
        long cancelled = campaign("CANCELLED");

        assertThatThrownBy(() -> activities.recordStatus(
                new StatusChange(cancelled, CampaignStatus.RUNNING, new Pacing(1, 1))))
                .isInstanceOfSatisfying(ApplicationFailure.class, failure -> {
                    assertThat(failure.getType()).isEqualTo("CampaignEnded");
                    assertThat(failure.isNonRetryable()).isTrue();
                });
        assertThat(column("status", cancelled)).isEqualTo("CANCELLED");
        assertThatThrownBy(() -> activities.recordStatus(
                new StatusChange(987_654, CampaignStatus.RUNNING, new Pacing(1, 1))))
                .isInstanceOfSatisfying(ApplicationFailure.class,
                        failure -> assertThat(failure.getType()).isEqualTo("CampaignNotFound"));
    }
}
