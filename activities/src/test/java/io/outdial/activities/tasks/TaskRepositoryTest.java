package io.outdial.activities.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class TaskRepositoryTest {

    private final TaskRepository tasks;
    private final TestData data;
    private final JdbcClient jdbc;
    private long campaignId;

    TaskRepositoryTest(DataSource dataSource, TestData data) {
        this.tasks = new TaskRepository(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.data = data;
    }

    @BeforeEach
    void seedACampaign() {
        campaignId = data.campaign().fsNode("fs1", 10, 10).line("line1", "gw1", 10, 10).create().campaignId();
    }

    @Test
    void onlyOneOfTwoConcurrentMoversWinsTheOptimisticLock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (long taskId : data.tasks(campaignId, 20)) {
                long version = tasks.snapshots(List.of(taskId)).get(taskId).version();
                CyclicBarrier together = new CyclicBarrier(2);
                Callable<Boolean> mover = () -> {
                    together.await();
                    return tasks.markDialing(taskId, version);
                };
                List<Future<Boolean>> results = new ArrayList<>(pool.invokeAll(List.of(mover, mover)));

                assertThat(List.of(results.get(0).get(), results.get(1).get())).containsExactlyInAnyOrder(true, false);
                TaskSnapshot after = tasks.snapshots(List.of(taskId)).get(taskId);
                assertThat(after.status()).isEqualTo("DIALING");
                assertThat(after.attempts()).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aStaleVersionLosesTheLock() {
        long taskId = data.tasks(campaignId, 1).get(0);

        assertThat(tasks.markDialing(taskId, 5)).isFalse();
        assertThat(data.taskStatus(taskId)).isEqualTo("QUEUED");
    }

    @Test
    void aCancelledTaskCannotBeMovedToDialing() {
        long taskId = data.tasks(campaignId, 1).get(0);
        long version = tasks.snapshots(List.of(taskId)).get(taskId).version();

        tasks.cancelQueued(campaignId);

        assertThat(tasks.markDialing(taskId, version)).isFalse();
    }

    @Test
    void revertingAStartThatFailedQueuesTheTaskAgain() {
        long taskId = data.tasks(campaignId, 1).get(0);
        tasks.markDialing(taskId, 0);

        assertThat(tasks.revertToQueued(taskId, 1)).isTrue();

        TaskSnapshot after = tasks.snapshots(List.of(taskId)).get(taskId);
        assertThat(after.queued()).isTrue();
        assertThat(after.attempts()).isZero();
    }

    @Test
    void cancelsOnlyQueuedTasksAndCountsByStatus() {
        List<Long> ids = data.tasks(campaignId, 3);
        tasks.markDialing(ids.get(0), 0);

        assertThat(tasks.cancelQueued(campaignId)).isEqualTo(2);
        assertThat(tasks.cancelQueued(campaignId)).isZero();
        assertThat(tasks.countByStatus(campaignId)).containsEntry("DIALING", 1L).containsEntry("CANCELLED", 2L);
        assertThat(tasks.queuedIds(campaignId)).isEmpty();
    }

    @Test
    void listsQueuedIdsInIdOrderForARebuild() {
        List<Long> ids = data.tasks(campaignId, 3);
        tasks.markDialing(ids.get(1), 0);

        assertThat(tasks.queuedIds(campaignId)).containsExactly(ids.get(0), ids.get(2));
    }

    @Test
    void cancellingQueuedTasksMarksTheCampaignCancelledFirst() {
        data.tasks(campaignId, 1);

        tasks.cancelQueued(campaignId);

        assertThat(jdbc.sql("select status from campaigns where id = ?").param(campaignId).query(String.class).single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void aTaskWaitingForItsReattemptShowsWhenItIsDue() {
        long taskId = data.tasks(campaignId, 1).get(0);
        jdbc.sql("update call_tasks set not_before = to_timestamp(1800000000), business_attempts = 1 where id = ?")
                .param(taskId).update();

        TaskSnapshot snapshot = tasks.snapshots(List.of(taskId)).get(taskId);
        assertThat(snapshot.notBeforeMs()).isEqualTo(1_800_000_000_000L);
        assertThat(snapshot.due(1_799_999_999_999L)).isFalse();
        assertThat(snapshot.due(1_800_000_000_000L)).isTrue();
        assertThat(snapshot.nextBusinessAttempt()).isEqualTo(2);
        assertThat(tasks.queued(campaignId)).containsExactly(new TaskRepository.QueuedTask(taskId, 1_800_000_000_000L));

        assertThat(tasks.markDialing(taskId, snapshot.version())).isTrue();
        TaskSnapshot dialing = tasks.snapshots(List.of(taskId)).get(taskId);
        assertThat(dialing.businessAttempts()).isEqualTo(2);
        assertThat(dialing.notBeforeMs()).isZero();
    }
}
