package io.outdial.app.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.app.campaign.CampaignDetails;
import io.outdial.app.campaign.CampaignService;
import io.outdial.app.campaign.CreateCampaignRequest;
import io.outdial.app.dev.DevInfrastructure;
import io.outdial.app.security.Caller;
import io.outdial.app.task.TaskUploadRequest;
import io.outdial.app.task.TaskUploadService;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Runs the demo once the application is ready (workers start on the same event): creates a campaign
 * of generated numbers, closes its input, starts it, waits for it to end, prints the report and exits
 * the JVM with 0 when every check passed, 1 otherwise.
 */
@Component
@ConditionalOnProperty(name = "outdial.demo.enabled", havingValue = "true")
class DemoRunner implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(DemoRunner.class);
    /** The demo drives the services directly, as the platform administrator. */
    private static final Caller DEMO = Caller.platformAdmin("demo");

    private final DemoProperties properties;
    private final CampaignService campaigns;
    private final TaskUploadService tasks;
    private final JdbcClient jdbc;
    private final WorkflowClient workflows;
    private final ObjectMapper json;
    private final ObjectProvider<DevInfrastructure> infrastructure;

    DemoRunner(DemoProperties properties, CampaignService campaigns, TaskUploadService tasks, JdbcClient jdbc,
               WorkflowClient workflows, ObjectMapper json, ObjectProvider<DevInfrastructure> infrastructure) {
        this.properties = properties;
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.workflows = workflows;
        this.json = json;
        this.infrastructure = infrastructure;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        ConfigurableApplicationContext context = event.getApplicationContext();
        Thread thread = new Thread(() -> {
            int code = runDemo() ? 0 : 1;
            if (properties.exitWhenDone()) {
                System.exit(SpringApplication.exit(context, () -> code));
            }
            System.out.println("Still running (--outdial.demo.exit-when-done=false); press Ctrl-C to stop.");
        }, "outdial-demo");
        thread.start();
    }

    private boolean runDemo() {
        try {
            DevInfrastructure infra = infrastructure.getIfAvailable();
            if (infra == null) {
                throw new IllegalStateException("the demo needs dev mode (--spring.profiles.active=dev)");
            }
            long campaignId = campaigns.create(DEMO, new CreateCampaignRequest("demo " + Instant.now(), properties.caps(),
                    properties.maxConcurrency(), 30, null, null));
            List<Long> taskIds = tasks.uploadJson(DEMO, campaignId,
                    new TaskUploadRequest(DemoNumbers.generate(properties.tasks()), true), false).taskIds();
            campaigns.start(DEMO, campaignId);
            log.info("Demo campaign {} started: {} numbers, caps {}, max concurrency {}", campaignId, taskIds.size(),
                    properties.caps(), properties.maxConcurrency());
            CampaignDetails end = awaitEnd(campaignId);
            if (end == null) {
                System.out.println("Demo campaign " + campaignId + " did not end within " + properties.deadline());
                return false;
            }
            DemoReport report = DemoReport.collect(campaignId, taskIds, jdbc, workflows,
                    new SimObserver(infra.simObserverUrl(), json).stats());
            report.print(System.out);
            infra.temporalWebUi().ifPresent(ui -> System.out.println("Every call's history in the Temporal Web UI: " + ui
                    + "/namespaces/default/workflows?query=CampaignId%3D%22" + campaignId + "%22"
                    + (properties.exitWhenDone() ? " (add --outdial.demo.exit-when-done=false to keep it up)" : "")));
            return report.passed() && end.campaign().status().equals("COMPLETED");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            log.error("Demo failed", e);
            return false;
        }
    }

    private boolean workflowClosed(long campaignId) {
        var status = workflows.newUntypedWorkflowStub(WorkflowIds.campaign(campaignId)).describe().getStatus();
        return status != WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
    }

    /** Polls the campaign once a second until it ends; null at the deadline. */
    private CampaignDetails awaitEnd(long campaignId) throws InterruptedException {
        Instant deadline = Instant.now().plus(properties.deadline());
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            CampaignDetails details = campaigns.details(DEMO, campaignId);
            String line = details.campaign().status() + " tasks " + details.tasksByStatus()
                    + " attempts " + details.attemptsByOutcome();
            if (!line.equals(last)) {
                log.info("Demo campaign {}: {}", campaignId, line);
                last = line;
            }
            if (details.campaign().ended()) {
                return details;
            }
            if (workflowClosed(campaignId)) {
                log.warn("Campaign workflow of {} closed but its status is still {}", campaignId,
                        details.campaign().status());
                return details;
            }
            Thread.sleep(1_000);
        }
        return null;
    }
}
