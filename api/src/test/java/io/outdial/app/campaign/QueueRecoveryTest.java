package io.outdial.app.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.DevModeTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@DevModeTest
class QueueRecoveryTest {

    @Autowired
    CampaignService service;

    @Autowired
    QueueRecovery recovery;

    @Autowired
    TaskQueue taskQueue;

    @Autowired
    JdbcClient jdbc;

    @Test
    void refillsTheLostQueueOfARunningCampaignFromPostgres() throws Exception {
        long id = service.create(new CreateCampaignRequest("recovery", 1, 1, null, null, null));
        List<Long> taskIds = service.addTasks(id, new AddTasksRequest(List.of(
                new AddTasksRequest.TaskInput("5550300001", null),
                new AddTasksRequest.TaskInput("5550300002", null)), false));
        // a campaign marked RUNNING without a workflow, so nothing leases from its queue during the test
        jdbc.sql("update campaigns set status = 'RUNNING' where id = ?").param(id).update();
        jdbc.sql("update call_tasks set status = 'DONE' where id = ?").param(taskIds.get(0)).update();
        taskQueue.clear(id);
        try {
            recovery.run(null);

            assertThat(taskQueue.lease(id, 10)).containsExactly(taskIds.get(1));
        } finally {
            jdbc.sql("update campaigns set status = 'CANCELLED' where id = ?").param(id).update();
        }
    }
}
