package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.pacing.FairClaim;
import io.outdial.activities.pacing.Lease;
import io.outdial.activities.pacing.Limits;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.pacing.Verdict;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.RoundRequest;
import io.outdial.workflows.campaign.RoundResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Rounds whose call starts fail, whose budget runs out, or that overlap; with a call starter stand-in. */
@ExtendWith(StorageExtension.class)
class RoundEdgeCasesTest {

    private static final long SECOND = 1_800_000_000_000L;

    private final DataSource dataSource;
    private final JedisPooled jedis;
    private final TestData data;
    private final TaskQueue queue;
    private final Queue<CallRequest> started = new ConcurrentLinkedQueue<>();

    RoundEdgeCasesTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.data = data;
        this.queue = new TaskQueue(jedis);
    }

    /** Starts nothing on Temporal; records the request, or fails for the tasks given. */
    private CallStarter starter(Set<Long> failingTasks) {
        return new CallStarter(null) {
            @Override
            public void start(CallRequest request) {
                if (failingTasks.contains(request.taskId())) {
                    throw new IllegalStateException("Temporal is unavailable");
                }
                started.add(request);
            }
        };
    }

    private CampaignActivitiesImpl activities(CallStarter starter, Clock clock) {
        return new CampaignActivitiesImpl(new CampaignRepository(dataSource), new TaskRepository(dataSource), queue,
                new Reservations(jedis), starter, Runnable::run, jedis, clock, RoundSettings.defaults(),
                Duration.ofMinutes(2), new SimpleMeterRegistry());
    }

    private List<Long> seedTasks(long campaignId, int count) {
        List<Long> ids = data.tasks(campaignId, count);
        queue.enqueue(campaignId, ids);
        return ids;
    }

    @Test
    void aCallThatCouldNotBeStartedIsQueuedAgainAndItsReservationReturned() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 3, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 3);
        CampaignActivitiesImpl activities = activities(starter(Set.of(tasks.get(1))), new MutableClock(SECOND + 10));

        RoundResult result = activities.releaseRound(new RoundRequest(s.campaignId(), 1, new Pacing(10, 10), SECOND));

        assertThat(result).isEqualTo(new RoundResult(2, 1, 2, "QUEUE_EMPTY"));
        assertThat(data.taskStatus(tasks.get(1))).isEqualTo("QUEUED");
        assertThat(queue.lease(s.campaignId(), 10)).containsExactly(tasks.get(1));
        assertThat(new TaskRepository(dataSource).snapshots(List.of(tasks.get(1))).get(tasks.get(1)).attempts())
                .isZero();
        seedTasks(s.campaignId(), 1);
        RoundResult sameSecond = activities.releaseRound(new RoundRequest(s.campaignId(), 2, new Pacing(10, 10), SECOND));
        assertThat(sameSecond.released()).as("the line's third token of the second was given back").isEqualTo(1);
    }

    @Test
    void aRoundStopsWhenItsBudgetRunsOutAndRequeuesTheRestInOrder() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 50);
        Clock slow = new TickingClock(SECOND, Duration.ofMillis(40));

        RoundResult result = activities(starter(Set.of()), slow)
                .releaseRound(new RoundRequest(s.campaignId(), 1, new Pacing(50, 100), SECOND));

        assertThat(result.limitedBy()).isEqualTo("TIME_BUDGET");
        assertThat(result.released()).isBetween(1, 49);
        assertThat(queue.lease(s.campaignId(), 100)).isEqualTo(tasks.subList(result.released(), 50));
    }

    @Test
    void overlappingRoundsOfOneSecondTogetherStayUnderTheCapsAndDialNoTaskTwice() throws Exception {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        seedTasks(s.campaignId(), 40);
        CampaignActivitiesImpl activities = activities(starter(Set.of()), new MutableClock(SECOND + 10));
        CyclicBarrier together = new CyclicBarrier(3);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Callable<RoundResult>> rounds = List.of(1L, 2L, 3L).stream()
                    .map(roundNo -> (Callable<RoundResult>) () -> {
                        together.await();
                        return activities.releaseRound(new RoundRequest(s.campaignId(), roundNo, new Pacing(7, 100), SECOND));
                    })
                    .toList();
            int released = 0;
            for (Future<RoundResult> round : pool.invokeAll(rounds)) {
                released += round.get().released();
            }

            assertThat(released).isEqualTo(7);
            assertThat(started).hasSize(7);
            assertThat(started.stream().map(CallRequest::taskId).collect(Collectors.toSet())).hasSize(7);
            assertThat(queue.size(s.campaignId())).isEqualTo(33);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRoundThatFailsHalfWayPutsTheTasksItHadNotReachedBackInOrder() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("line1", "gw1", 100, 100).create();
        List<Long> tasks = seedTasks(s.campaignId(), 5);
        AtomicInteger calls = new AtomicInteger();
        Reservations failingOnTheThird = new Reservations(jedis) {
            @Override
            public Verdict reserve(Lease lease, Limits limits, FairClaim claim, long secondMs, long nowMs,
                                   long leaseUntilMs) {
                if (calls.incrementAndGet() == 3) {
                    throw new JedisConnectionException("connection reset");
                }
                return super.reserve(lease, limits, claim, secondMs, nowMs, leaseUntilMs);
            }
        };
        CampaignActivitiesImpl activities = new CampaignActivitiesImpl(new CampaignRepository(dataSource),
                new TaskRepository(dataSource), queue, failingOnTheThird, starter(Set.of()), Runnable::run, jedis,
                new MutableClock(SECOND + 10), RoundSettings.defaults(), Duration.ofMinutes(2), new SimpleMeterRegistry());

        assertThatThrownBy(() -> activities.releaseRound(new RoundRequest(s.campaignId(), 1, new Pacing(10, 10), SECOND)))
                .isInstanceOf(JedisConnectionException.class);

        assertThat(queue.lease(s.campaignId(), 10)).isEqualTo(tasks.subList(2, 5));
        assertThat(started).extracting(CallRequest::taskId).containsExactlyElementsOf(tasks.subList(0, 2));
    }

    /** A clock that moves on by a fixed step every time it is read. */
    private static final class TickingClock extends Clock {
        private final AtomicLong millis;
        private final long step;

        TickingClock(long startMs, Duration step) {
            this.millis = new AtomicLong(startMs);
            this.step = step.toMillis();
        }

        @Override
        public long millis() {
            return millis.getAndAdd(step);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
