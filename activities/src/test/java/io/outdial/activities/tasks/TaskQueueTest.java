package io.outdial.activities.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.testsupport.StorageExtension;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

@ExtendWith(StorageExtension.class)
class TaskQueueTest {

    private final TaskQueue queue;

    TaskQueueTest(JedisPooled jedis) {
        this.queue = new TaskQueue(jedis);
    }

    @Test
    void leasesIdsInTheOrderTheyWereEnqueued() {
        queue.enqueue(7, List.of(1L, 2L, 3L));
        queue.enqueue(7, List.of(4L));

        assertThat(queue.lease(7, 3)).containsExactly(1L, 2L, 3L);
        assertThat(queue.size(7)).isEqualTo(1);
    }

    @Test
    void enqueuesLargeListsInBatches() {
        List<Long> ids = LongStream.rangeClosed(1, 2_500).boxed().toList();

        queue.enqueue(7, ids);

        assertThat(queue.size(7)).isEqualTo(2_500);
        assertThat(queue.lease(7, 2_500)).isEqualTo(ids);
    }

    @Test
    void unusedIdsGoBackToTheHeadInTheirOrder() {
        queue.enqueue(7, List.of(1L, 2L, 3L, 4L, 5L));
        List<Long> leased = queue.lease(7, 4);

        queue.pushBack(7, leased.subList(1, 4));

        assertThat(queue.lease(7, 10)).containsExactly(2L, 3L, 4L, 5L);
    }

    @Test
    void listsEveryQueuedIdHeadFirstWithoutTakingThem() {
        List<Long> ids = LongStream.rangeClosed(1, 2_500).boxed().toList();
        queue.enqueue(7, ids);

        assertThat(queue.ids(7)).isEqualTo(ids);
        assertThat(queue.size(7)).isEqualTo(2_500);
        assertThat(queue.ids(8)).isEmpty();
    }

    @Test
    void leasingAnEmptyQueueGivesNothing() {
        assertThat(queue.lease(7, 5)).isEmpty();
        assertThat(queue.size(7)).isZero();
    }

    @Test
    void rebuildReplacesTheQueueWithTheGivenIds() {
        queue.enqueue(7, List.of(9L, 8L));

        queue.rebuild(7, List.of(1L, 2L, 3L));

        assertThat(queue.lease(7, 10)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void rebuildWithNoIdsEmptiesTheQueue() {
        queue.enqueue(7, List.of(9L, 8L));

        queue.rebuild(7, List.of());

        assertThat(queue.size(7)).isZero();
    }

    @Test
    void campaignsHaveSeparateQueues() {
        queue.enqueue(7, List.of(1L));
        queue.enqueue(8, List.of(2L, 3L));

        queue.clear(8);

        assertThat(queue.size(7)).isEqualTo(1);
        assertThat(queue.size(8)).isZero();
    }

    @Test
    void dueIdsMoveFromTheDelayedSetToTheHeadOfTheQueueEarliestFirstAndTheOthersWait() {
        queue.enqueue(7, List.of(1L, 2L));
        queue.delay(7, 10L, 5_000);
        queue.delay(7, 11L, 3_000);
        queue.delay(7, 12L, 9_000);

        assertThat(queue.promoteDue(7, 4_999)).isEqualTo(1);
        assertThat(queue.promoteDue(7, 5_000)).isEqualTo(1);

        assertThat(queue.delayedIds(7)).containsExactly(12L);
        assertThat(queue.lease(7, 10)).containsExactly(10L, 11L, 1L, 2L);
        assertThat(queue.promoteDue(7, 8_999)).isZero();
    }

    @Test
    void clearingAQueueClearsItsDelayedSetToo() {
        queue.enqueue(7, List.of(1L));
        queue.delayAll(7, Map.of(2L, 100L, 3L, 200L));
        assertThat(queue.delayedSize(7)).isEqualTo(2);

        queue.clear(7);

        assertThat(queue.size(7)).isZero();
        assertThat(queue.delayedSize(7)).isZero();
    }
}
