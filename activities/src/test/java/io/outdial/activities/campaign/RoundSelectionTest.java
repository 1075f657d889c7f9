package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
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
import io.outdial.workflows.campaign.RoundResult;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.JedisPooled;

/** Rounds choosing their nodes and lines, sharing lines by weight, and measuring themselves. */
@ExtendWith(StorageExtension.class)
class RoundSelectionTest {

    private static final long SECOND = 1_800_000_000_000L;

    private final TestData data;
    private final TaskQueue queue;
    private final MutableClock clock = new MutableClock(SECOND + 20);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final Queue<CallRequest> started = new ConcurrentLinkedQueue<>();
    private final CampaignActivitiesImpl activities;

    RoundSelectionTest(DataSource dataSource, JedisPooled jedis, TestData data) {
        this.data = data;
        this.queue = new TaskQueue(jedis);
        CallStarter recording = new CallStarter(null) {
            @Override
            public void start(CallRequest request) {
                started.add(request);
            }
        };
        this.activities = new CampaignActivitiesImpl(new CampaignRepository(dataSource), new TaskRepository(dataSource),
                queue, new Reservations(jedis, FairShareSettings.defaults(), meters, clock), recording, Runnable::run,
                jedis, clock, RoundSettings.defaults(), Duration.ofMinutes(2), meters, new ConnectRates(jedis),
                new Random(3));
    }

    private void seedTasks(long campaignId, int count) {
        queue.enqueue(campaignId, data.tasks(campaignId, count));
    }

    private RoundResult round(long campaignId, long roundNo, int caps, long secondMs) {
        return activities.releaseRound(new RoundRequest(campaignId, roundNo, new Pacing(caps, 1000), secondMs));
    }

    @Test
    void aRoundNeverDialsThroughADisabledOrEvictedNodeOrLine() {
        for (String strategy : List.of("RANDOM", "ROUND_ROBIN", "BEST_CONNECT_RATE")) {
            started.clear();
            TestData.Seeded s = data.campaign()
                    .fsNode("fs1-" + strategy.toLowerCase(), 100, 100).fsNode("fs2-" + strategy.toLowerCase(), 100, 100)
                    .fsNode("fs3-" + strategy.toLowerCase(), 100, 100)
                    .line("l1-" + strategy.toLowerCase(), "gw1", 100, 100).line("l2-" + strategy.toLowerCase(), "gw2", 100, 100)
                    .line("l3-" + strategy.toLowerCase(), "gw3", 100, 100)
                    .create();
            data.campaignSelection(s.campaignId(), 1, strategy);
            data.evictFsNode(s.fsNodes().get(0), clock.instant().plusSeconds(60));
            data.fsNodeEnabled(s.fsNodes().get(1), false);
            data.evictLine(s.lines().get(0), clock.instant().plusSeconds(60));
            data.lineEnabled(s.lines().get(1), false);
            seedTasks(s.campaignId(), 30);

            RoundResult result = round(s.campaignId(), 1, 30, SECOND);

            assertThat(result.released()).isEqualTo(30);
            assertThat(started).allSatisfy(call -> {
                assertThat(call.fsNodeId()).isEqualTo(s.fsNodes().get(2));
                assertThat(call.lineId()).isEqualTo(s.lines().get(2));
            });
        }
    }

    @Test
    void aLinesCallsGoOnlyThroughTheNodesThatCarryItsGateway() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).fsNode("fs2", 100, 100)
                .line("only-fs2", "gw1", 100, 100).line("anywhere", "gw2", 100, 100).create();
        data.lineOnNodes("only-fs2", "fs2");
        seedTasks(s.campaignId(), 20);

        round(s.campaignId(), 1, 20, SECOND);

        assertThat(started).hasSize(20);
        assertThat(started).filteredOn(call -> call.lineId().equals("only-fs2")).isNotEmpty()
                .allSatisfy(call -> assertThat(call.fsNodeId()).isEqualTo("fs2"));
    }

    @Test
    void roundsOfCampaignsSharingASaturatedLineSplitItByWeight() {
        long pool = data.pool("shared", null);
        data.fsNode(pool, "fs1", 1000, 1000);
        data.line(pool, "shared-line", "gw1", 20, 1000);
        long light = data.campaign(data.tenant("t1"), pool, 100, 1000, 30);
        long heavy = data.campaign(data.tenant("t2"), pool, 100, 1000, 30);
        data.campaignSelection(light, 1, "ROUND_ROBIN");
        data.campaignSelection(heavy, 3, "ROUND_ROBIN");
        seedTasks(light, 200);
        seedTasks(heavy, 200);

        for (int s = 0; s < 10; s++) {
            long second = SECOND + 1000L * s;
            clock.set(second + 20);
            List<Long> order = s % 2 == 0 ? List.of(light, heavy) : List.of(heavy, light);
            for (long campaign : order) {
                round(campaign, s + 1, 30, second);
            }
        }

        // the first second goes to whoever came first; from then on both are known to the line
        long lightCalls = started.stream().filter(c -> c.campaignId() == light && c.reservedSecondMs() > SECOND).count();
        long heavyCalls = started.stream().filter(c -> c.campaignId() == heavy && c.reservedSecondMs() > SECOND).count();
        assertThat(lightCalls).isEqualTo(9 * 5);
        assertThat(heavyCalls).isEqualTo(9 * 15);
    }

    @Test
    void aCampaignHeldBackByItsOwnCapsLeavesTheLinesItDoesNotUseToTheOthers() {
        long pool = data.pool("shared-two-lines", null);
        data.fsNode(pool, "fs1", 1000, 1000);
        data.line(pool, "line-a", "gw1", 10, 1000);
        data.line(pool, "line-b", "gw2", 10, 1000);
        long capped = data.campaign(data.tenant("t1"), pool, 6, 1000, 30);
        long hungry = data.campaign(data.tenant("t2"), pool, 40, 1000, 30);
        seedTasks(capped, 100);
        seedTasks(hungry, 200);

        for (int s = 0; s < 6; s++) {
            long second = SECOND + 1000L * s;
            clock.set(second + 20);
            List<Long> order = s % 2 == 0 ? List.of(capped, hungry) : List.of(hungry, capped);
            for (long campaign : order) {
                round(campaign, s + 1, campaign == capped ? 6 : 40, second);
            }
        }

        for (int s = 1; s < 6; s++) {
            long second = SECOND + 1000L * s;
            assertThat(started.stream().filter(c -> c.campaignId() == capped && c.reservedSecondMs() == second))
                    .as("second %d", s).hasSize(6);
            assertThat(started.stream().filter(c -> c.campaignId() == hungry && c.reservedSecondMs() == second))
                    .as("second %d", s).hasSize(14);
        }
    }

    @Test
    void roundsCountGrantsAndDenialsPerResourceAndTheirLateness() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 100, 100).line("l1", "gw1", 3, 100).create();
        seedTasks(s.campaignId(), 10);
        clock.set(SECOND + 35);

        round(s.campaignId(), 1, 10, SECOND);

        assertThat(meters.get("outdial.reservations.granted").tags("level", "line", "resource", "l1").counter().count())
                .isEqualTo(3);
        assertThat(meters.get("outdial.reservations.granted")
                .tags("level", "campaign", "resource", Long.toString(s.campaignId())).counter().count()).isEqualTo(3);
        assertThat(meters.get("outdial.reservations.denied")
                .tags("reason", "line_caps", "level", "line", "resource", "l1").counter().count()).isEqualTo(1);
        assertThat(meters.get("outdial.pacing.in.flight").tags("level", "fs_node", "resource", "fs1").gauge().value())
                .isEqualTo(3);
        assertThat(meters.get("outdial.round.lateness").timer().totalTime(TimeUnit.MILLISECONDS)).isEqualTo(35);
        assertThat(meters.get("outdial.round.duration").timer().count()).isEqualTo(1);
    }
}
