package io.outdial.activities.linehealth;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.outdial.activities.campaign.CallStarter;
import io.outdial.activities.campaign.CampaignActivitiesImpl;
import io.outdial.activities.campaign.CampaignPlan;
import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.activities.campaign.RoundSettings;
import io.outdial.activities.pacing.ConnectRates;
import io.outdial.activities.pacing.FairShareSettings;
import io.outdial.activities.pacing.Reservations;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.activities.tasks.TaskRepository;
import io.outdial.activities.testsupport.MutableClock;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.RoundRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** Line health against real PostgreSQL and Redis, on a clock the test moves. */
@ExtendWith(StorageExtension.class)
class LineHealthEvaluatorTest {

    /** 10:00:05 on some day: a few seconds into a minute. */
    private static final Instant START = Instant.parse("2027-03-01T10:00:05Z");
    private static final Duration COOL_DOWN = LineHealthSettings.defaults().coolDown();

    private final DataSource dataSource;
    private final JedisPooled jedis;
    private final TestData data;
    private final MutableClock clock = MutableClock.at(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ConnectRates counters;
    private final LineHealthEvaluator evaluator;
    private final LineHealthRepository repository;
    private final CampaignRepository campaigns;
    private TestData.Seeded pool;

    LineHealthEvaluatorTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.dataSource = dataSource;
        this.jedis = jedis;
        this.data = data;
        this.counters = new ConnectRates(jedis);
        this.evaluator = new LineHealthEvaluator(dataSource, jedis, LineHealthSettings.defaults(), meters, clock);
        this.repository = new LineHealthRepository(dataSource);
        this.campaigns = new CampaignRepository(dataSource);
    }

    @BeforeEach
    void seedAPoolOfThreeLines() {
        pool = data.campaign().fsNode("fs1", 100, 100)
                .line("bad", "gw-bad", 10, 100).line("good", "gw-good", 10, 100).line("quiet", "gw-quiet", 10, 100)
                .caps(10).create();
    }

    /** {@code attempts} calls on the line now: the first {@code connects} answered, the next {@code faults} line faults. */
    private void calls(String line, int attempts, int connects, int faults) {
        for (int i = 0; i < attempts; i++) {
            counters.record(pool.poolId(), line, i < connects, i >= connects && i < connects + faults, clock.millis());
        }
    }

    private TrackedLine line(String id) {
        return repository.all().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private List<String> usableLines() {
        return campaigns.find(pool.campaignId(), clock.instant()).orElseThrow().lines().stream()
                .map(CampaignPlan.Line::id).toList();
    }

    private int capsOf(String lineId) {
        return campaigns.find(pool.campaignId(), clock.instant()).orElseThrow().lines().stream()
                .filter(l -> l.id().equals(lineId)).findFirst().orElseThrow().caps();
    }

    private double gauge(String lineId, LineState state) {
        return meters.get("outdial.line.health").tags("line", lineId, "state", state.name()).gauge().value();
    }

    /** Evicts "bad" with nothing but line faults, and lets its cool-down run out. */
    private void evictBadAndCoolDown() {
        calls("bad", 12, 0, 12);
        calls("good", 12, 6, 0);
        evaluator.evaluate();
        clock.advance(COOL_DOWN);
    }

    @Nested
    class Eviction {

        @Test
        void aLineWhoseCallsAllFailOnTheCarrierIsEvictedAndAHealthyOrQuietLineIsNot() {
            calls("bad", 12, 0, 12);
            calls("good", 12, 6, 0);
            calls("quiet", 3, 0, 3);

            List<LineHealthChange> changes = evaluator.evaluate();

            assertThat(changes).extracting(LineHealthChange::lineId, LineHealthChange::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", LineState.EVICTED));
            TrackedLine bad = line("bad");
            assertThat(bad.state()).isEqualTo(LineState.EVICTED);
            assertThat(bad.evictedUntil()).isEqualTo(START.plus(COOL_DOWN));
            assertThat(bad.since()).isEqualTo(START);
            assertThat(bad.reason()).contains("12 of 12 calls failed on the line");
            assertThat(line("good").state()).isEqualTo(LineState.HEALTHY);
            assertThat(line("quiet").state()).as("3 calls are too few to judge").isEqualTo(LineState.HEALTHY);
            assertThat(usableLines()).containsExactly("good", "quiet");
            assertThat(gauge("bad", LineState.EVICTED)).isEqualTo(1);
            assertThat(gauge("good", LineState.HEALTHY)).isEqualTo(1);
            assertThat(meters.get("outdial.line.evictions").tags("line", "bad", "cause", "LINE_FAULTS").counter()
                    .count()).isEqualTo(1);
        }

        @Test
        void aLineAnsweredFarLessThanThePoolsOtherLinesIsEvicted() {
            calls("bad", 30, 1, 0);
            calls("good", 30, 15, 0);
            calls("quiet", 30, 12, 0);

            evaluator.evaluate();

            assertThat(line("bad").state()).isEqualTo(LineState.EVICTED);
            assertThat(line("bad").reason()).contains("1 of 30 calls answered (3 %) against the pool's 40 %");
            assertThat(line("good").state()).isEqualTo(LineState.HEALTHY);
            assertThat(line("quiet").state()).isEqualTo(LineState.HEALTHY);
        }

        @Test
        void linesThatAllConnectPoorlyAreNotEvictedForIt() {
            calls("bad", 30, 0, 0);
            calls("good", 30, 1, 0);
            calls("quiet", 30, 0, 0);

            assertThat(evaluator.evaluate()).isEmpty();
        }

        @Test
        void callsOlderThanTheWindowAreNotHeldAgainstALine() {
            calls("bad", 12, 0, 12);
            clock.advance(Duration.ofMinutes(3));

            assertThat(evaluator.evaluate()).isEmpty();
        }

        @Test
        void twoAppNodesJudgingTheSameLineEvictItOnce() {
            calls("bad", 12, 0, 12);
            LineHealthEvaluator otherNode = new LineHealthEvaluator(dataSource, jedis, LineHealthSettings.defaults(),
                    new SimpleMeterRegistry(), clock);
            TrackedLine seenByBoth = line("bad");

            assertThat(evaluator.evaluate()).hasSize(1);
            assertThat(otherNode.evaluate()).isEmpty();
            assertThat(repository.evict(seenByBoth, START, START.plus(COOL_DOWN), "stale")).isFalse();
            assertThat(line("bad").reason()).doesNotContain("stale");
        }
    }

    @Nested
    class Reports {

        @Test
        void aReportShowsTheStateReasonAndTheCallsJudged() {
            calls("bad", 12, 0, 12);
            calls("good", 12, 6, 0);
            evaluator.evaluate();

            LineHealthReport bad = evaluator.report("bad").orElseThrow();
            LineHealthReport good = evaluator.reports().get("good");

            assertThat(bad.state()).isEqualTo(LineState.EVICTED);
            assertThat(bad.since()).isEqualTo(START);
            assertThat(bad.evictedUntil()).isEqualTo(START.plus(COOL_DOWN));
            assertThat(bad.window().faultRate()).isEqualTo(1.0);
            assertThat(good.state()).isEqualTo(LineState.HEALTHY);
            assertThat(good.reason()).isNull();
            assertThat(good.window().connectRate()).isEqualTo(0.5);
            assertThat(evaluator.report("no-such-line")).isEmpty();
        }

        @Test
        void withoutRedisAReportStillShowsTheStateButNoCounts() throws Exception {
            calls("bad", 12, 0, 12);
            evaluator.evaluate();
            int closedPort;
            try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            try (JedisPooled unreachable = new JedisPooled("127.0.0.1", closedPort)) {
                LineHealthEvaluator withoutRedis = new LineHealthEvaluator(dataSource, unreachable,
                        LineHealthSettings.defaults(), new SimpleMeterRegistry(), clock);

                LineHealthReport bad = withoutRedis.report("bad").orElseThrow();

                assertThat(bad.state()).isEqualTo(LineState.EVICTED);
                assertThat(bad.window()).isNull();
            }
        }
    }

    @Nested
    class Probation {

        @Test
        void afterTheCoolDownALineIsOnProbationAndRoundsGiveItOneCallASecond() {
            evictBadAndCoolDown();

            assertThat(usableLines()).as("back in rounds as soon as the cool-down is over").contains("bad");
            assertThat(capsOf("bad")).isEqualTo(LineHealthSettings.PROBE_CAPS);
            assertThat(evaluator.reports().get("bad").state()).isEqualTo(LineState.PROBATION);
            List<LineHealthChange> changes = evaluator.evaluate();

            assertThat(changes).extracting(LineHealthChange::lineId, LineHealthChange::to)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("bad", LineState.PROBATION));
            assertThat(line("bad").state()).isEqualTo(LineState.PROBATION);
            assertThat(capsOf("bad")).isEqualTo(LineHealthSettings.PROBE_CAPS);
            assertThat(capsOf("good")).isEqualTo(10);
            assertThat(gauge("bad", LineState.PROBATION)).isEqualTo(1);

            Map<String, Long> perLine = releaseRounds(3, 10);
            assertThat(perLine.get("bad")).as("calls on the line on probation in 3 rounds").isEqualTo(3);
            assertThat(perLine.get("good") + perLine.getOrDefault("quiet", 0L)).isEqualTo(27);
        }

        @Test
        void aHealthyProbeReadmitsTheLine() {
            evictBadAndCoolDown();
            evaluator.evaluate();
            clock.advance(Duration.ofSeconds(10));
            // the pool's norm is 50 %: 10 probe calls predict the 5 connects needed to judge a connect rate
            calls("bad", 9, 5, 0);
            assertThat(evaluator.evaluate()).as("nine probe calls are not enough to judge").isEmpty();
            calls("bad", 1, 0, 0);

            List<LineHealthChange> changes = evaluator.evaluate();

            assertThat(changes).extracting(LineHealthChange::to).containsExactly(LineState.HEALTHY);
            TrackedLine bad = line("bad");
            assertThat(bad.state()).isEqualTo(LineState.HEALTHY);
            assertThat(bad.evictedUntil()).isNull();
            assertThat(bad.reason()).isEqualTo("probe passed: 10 calls, 0 line faults, 5 answered");
            assertThat(capsOf("bad")).isEqualTo(10);
            assertThat(meters.get("outdial.line.readmissions").tags("line", "bad").counter().count()).isEqualTo(1);
            clock.advance(Duration.ofSeconds(10));
            assertThat(evaluator.evaluate()).as("the faults that got it evicted are not held against it again")
                    .isEmpty();
        }

        @Test
        void aFaultyProbeEvictsTheLineAgain() {
            evictBadAndCoolDown();
            evaluator.evaluate();
            clock.advance(Duration.ofSeconds(10));
            calls("bad", 9, 0, 9);
            assertThat(evaluator.evaluate()).as("nine probe calls are not enough to judge").isEmpty();
            calls("bad", 1, 0, 1);

            evaluator.evaluate();

            TrackedLine bad = line("bad");
            assertThat(bad.state()).isEqualTo(LineState.EVICTED);
            assertThat(bad.reason()).startsWith("probe failed: 10 of 10 calls failed on the line");
            assertThat(bad.evictedUntil()).isEqualTo(clock.instant().plus(COOL_DOWN));
            assertThat(usableLines()).doesNotContain("bad");
            assertThat(meters.get("outdial.line.evictions").tags("line", "bad").counter().count()).isEqualTo(2);
        }

        @Test
        void aLineEvictedForItsConnectRateIsProbedUntilItsConnectRateCanBeJudged() {
            calls("bad", 30, 1, 0);
            calls("good", 30, 15, 0);
            calls("quiet", 30, 12, 0);
            evaluator.evaluate();
            clock.advance(COOL_DOWN);
            evaluator.evaluate();
            clock.advance(Duration.ofSeconds(10));
            calls("bad", 3, 0, 0);
            assertThat(evaluator.evaluate()).as("3 unanswered calls say nothing at a 45 percent norm").isEmpty();
            calls("bad", 9, 0, 0);

            evaluator.evaluate();

            assertThat(line("bad").state()).isEqualTo(LineState.EVICTED);
            assertThat(line("bad").reason()).isEqualTo("probe failed: 0 of 12 calls answered (0 %) against the pool's 45 %");
        }

        @Test
        void probeCallsCountFromTheStartOfProbationEvenIfRedisLostTheCounters() {
            evictBadAndCoolDown();
            evaluator.evaluate();
            jedis.flushAll();
            calls("bad", 3, 1, 0);

            evaluator.evaluate();

            assertThat(line("bad").state()).isEqualTo(LineState.HEALTHY);
        }

        /** Runs rounds of {@code caps} calls in consecutive seconds; the calls started per line. */
        private Map<String, Long> releaseRounds(int rounds, int caps) {
            Queue<CallRequest> started = new ConcurrentLinkedQueue<>();
            CallStarter recording = new CallStarter(null) {
                @Override
                public void start(CallRequest request) {
                    started.add(request);
                }
            };
            TaskQueue queue = new TaskQueue(jedis);
            CampaignActivitiesImpl activities = new CampaignActivitiesImpl(campaigns, new TaskRepository(dataSource),
                    queue, new Reservations(jedis, FairShareSettings.defaults(), meters, clock), recording,
                    Runnable::run, jedis, clock, RoundSettings.defaults(), Duration.ofMinutes(2), meters, counters,
                    new Random(3));
            queue.enqueue(pool.campaignId(), data.tasks(pool.campaignId(), rounds * caps));
            for (int round = 0; round < rounds; round++) {
                clock.set((clock.millis() / 1000 + 1) * 1000 + 20);
                long second = clock.millis() / 1000 * 1000;
                activities.releaseRound(new RoundRequest(pool.campaignId(), round + 1, new Pacing(caps, 1000), second));
            }
            return started.stream().collect(Collectors.groupingBy(CallRequest::lineId, Collectors.counting()));
        }
    }
}
