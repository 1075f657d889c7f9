package io.outdial.app.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.outdial.app.AdminApi;
import io.outdial.app.DevModeTest;
import io.outdial.app.dev.DevInfrastructure;
import io.outdial.fssim.SimStats;
import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.CampaignStatus;
import io.outdial.workflows.campaign.NewTask;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.TasksAdded;
import io.outdial.workflows.campaign.TasksAdded.RejectedTask;
import io.outdial.workflows.client.CampaignClient;
import io.outdial.workflows.client.CampaignRequestRejectedException;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A business system steering a campaign through the SDK only: the campaign and its resources are defined
 * through REST, then {@link CampaignClient} starts it, adds tasks, pauses, resumes, changes the pacing and
 * closes its input, and the FreeSWITCH simulator shows what was dialed.
 */
@DevModeTest
class CampaignClientTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    WorkflowClient workflows;

    @Autowired
    DevInfrastructure infrastructure;

    @Test
    void aCampaignSteeredThroughTheSdkDialsEveryGoodNumberOnce() throws Exception {
        long id = campaignOnTheSimulator();
        CampaignClient client = new CampaignClient(workflows);
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            numbers.add(String.format("+1555%03d%04d", id % 1000, 7000 + i));
        }

        assertThat(client.start(id, new Pacing(5, 10), false)).isEqualTo("campaign-" + id);
        await().atMost(Duration.ofSeconds(20)).until(() -> "RUNNING".equals(column(id, "status")));
        assertThat(column(id, "workflow_id")).isEqualTo("campaign-" + id);

        TasksAdded first = client.addTasks(id, List.of(task(numbers.get(0), "a0"), task(numbers.get(1), "a1"),
                task("+1 555 not a number", "bad"), task(numbers.get(2), "a2")), false);
        assertThat(first.added()).isEqualTo(3);
        assertThat(first.rejected()).extracting(RejectedTask::index).containsExactly(2);
        assertThat(first.rejected().get(0).reason()).startsWith("phoneNumber ");
        await().atMost(Duration.ofSeconds(30)).until(() -> dialed(id) == 3);

        client.pause(id, "carrier maintenance");
        await().atMost(Duration.ofSeconds(20)).until(() -> client.progress(id).status() == CampaignStatus.PAUSED);
        TasksAdded second = client.addTasks(id, numbers.subList(3, 8).stream()
                .map(n -> task(n, "b" + numbers.indexOf(n))).toList(), false);
        assertThat(second.added()).isEqualTo(5);
        assertThat(client.addTasks(id, List.of(task(numbers.get(0), "a0")), false).existing())
                .as("a task sent again with its external id").isEqualTo(1);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> dialed(id) == 3);

        client.resume(id, "carrier is back");
        assertThatThrownBy(() -> client.changePacing(id, 0, null))
                .isInstanceOf(CampaignRequestRejectedException.class)
                .hasMessage("caps must be between 1 and 10000, was 0");
        assertThat(client.changePacing(id, 2, null)).isEqualTo(new Pacing(2, 10));
        CampaignProgress progress = client.progress(id);
        assertThat(progress.status()).isEqualTo(CampaignStatus.RUNNING);
        assertThat(progress.pacing()).isEqualTo(new Pacing(2, 10));
        client.closeInput(id);
        assertThat(column(id, "input_closed")).isEqualTo("true");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> "COMPLETED".equals(column(id, "status")));
        assertThat(jdbc.sql("select status, count(*) from call_tasks where campaign_id = ? group by status")
                .param(id).query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list()).containsExactly("DONE=8");
        assertThat(client.progress(id).status()).isEqualTo(CampaignStatus.COMPLETED);
        Map<String, Long> dials = infrastructure.simStats().dialsPerNumber();
        for (String number : numbers) {
            assertThat(dials.getOrDefault(number, dials.get(number.substring(1))))
                    .as("originates of %s", number).isEqualTo(1L);
        }
    }

    /** A tenant with its own pool, FS node (the dev simulator's first node) and line, and a DRAFT campaign. */
    private long campaignOnTheSimulator() throws Exception {
        AdminApi api = new AdminApi(mvc);
        String tenant = api.tenant();
        AdminApi.Named pool = api.pool(tenant);
        record Node(int port, String password) {
        }
        Node node = jdbc.sql("select esl_port, esl_password from fs_nodes where id = 'fs1'")
                .query((rs, n) -> new Node(rs.getInt(1), rs.getString(2))).single();
        api.fsNode(pool.name(), node.port(), node.password());
        String gateway = jdbc.sql("select gateway from lines where id = 'line1'").query(String.class).single();
        api.line(pool.name(), gateway, 10);
        return api.campaign(tenant, pool.name(), 5, 10);
    }

    private static NewTask task(String number, String externalId) {
        return new NewTask(number, externalId, "order-" + externalId);
    }

    private String column(long campaignId, String column) {
        return jdbc.sql("select " + column + "::text from campaigns where id = ?").param(campaignId)
                .query(String.class).single();
    }

    private long dialed(long campaignId) {
        SimStats stats = infrastructure.simStats();
        return stats.originatesPerCampaign().getOrDefault(Long.toString(campaignId), 0L);
    }
}
