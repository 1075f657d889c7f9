package io.outdial.activities.call;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.campaign.CampaignRepository;
import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import io.outdial.workflows.call.FailoverRoute;
import io.outdial.workflows.call.FailoverRouteRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class FailoverRoutesTest {

    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");

    private final FailoverRoutes routes;
    private final TestData data;

    FailoverRoutesTest(DataSource dataSource, TestData data) {
        this.routes = new FailoverRoutes(new CampaignRepository(dataSource), Clock.fixed(NOW, ZoneOffset.UTC));
        this.data = data;
    }

    @Test
    void aLineFaultMovesToAnotherLineOnTheSameNode() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).fsNode("fs2", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).create();

        FailoverRoute route = routes.pick(afterLineFault(s, 7, "fs1", "l1"));

        assertThat(route).isEqualTo(FailoverRoute.of("fs1", "l2", "gw2"));
    }

    @Test
    void aSwitchFaultMovesToAnotherNodeKeepingTheLine() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).fsNode("fs2", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).create();

        FailoverRoute route = routes.pick(new FailoverRouteRequest(s.campaignId(), 7, "fs1", "l1",
                List.of("fs1"), List.of()));

        assertThat(route).isEqualTo(FailoverRoute.of("fs2", "l1", "gw1"));
    }

    @Test
    void everyExcludedLineStaysExcludedAndNoneIsLeftAtTheEnd() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).create();

        assertThat(routes.pick(new FailoverRouteRequest(s.campaignId(), 7, "fs1", "l2", List.of(),
                List.of("l1", "l2")))).isEqualTo(FailoverRoute.none());
        assertThat(routes.pick(new FailoverRouteRequest(s.campaignId(), 7, "fs1", "l1", List.of("fs1"),
                List.of()))).as("the only node failed").isEqualTo(FailoverRoute.none());
    }

    @Test
    void disabledAndEvictedLinesAndNodesAreNeverPicked() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).fsNode("fs2", 10, 10).fsNode("fs3", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).line("l3", "gw3", 10, 10)
                .line("l4", "gw4", 10, 10).create();
        data.lineEnabled("l2", false);
        data.evictLine("l3", NOW.plus(Duration.ofMinutes(5)));
        data.fsNodeEnabled("fs2", false);
        data.evictFsNode("fs3", NOW.plus(Duration.ofMinutes(5)));

        for (long task = 0; task < 6; task++) {
            assertThat(routes.pick(afterLineFault(s, task, "fs1", "l1")))
                    .isEqualTo(FailoverRoute.of("fs1", "l4", "gw4"));
            assertThat(routes.pick(new FailoverRouteRequest(s.campaignId(), task, "fs1", "l1", List.of("fs1"),
                    List.of()))).as("no other usable node").isEqualTo(FailoverRoute.none());
        }
    }

    @Test
    void aLineIsOnlyPickedWithANodeThatCarriesItsGateway() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).fsNode("fs2", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).create();
        data.lineOnNodes("l2", "fs2");

        assertThat(routes.pick(afterLineFault(s, 7, "fs1", "l1"))).isEqualTo(FailoverRoute.of("fs2", "l2", "gw2"));
    }

    @Test
    void manyTasksAreSpreadOverTheLinesLeft() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).line("l3", "gw3", 10, 10).create();

        List<String> picked = java.util.stream.LongStream.range(0, 10)
                .mapToObj(task -> routes.pick(afterLineFault(s, task, "fs1", "l1")).lineId()).toList();

        assertThat(picked).containsOnly("l2", "l3").contains("l2", "l3");
    }

    @Test
    void anUnknownCampaignHasNoRoute() {
        assertThat(routes.pick(new FailoverRouteRequest(999_999, 1, "fs1", "l1", List.of(), List.of("l1"))))
                .isEqualTo(FailoverRoute.none());
    }

    private static FailoverRouteRequest afterLineFault(TestData.Seeded s, long taskId, String node, String line) {
        return new FailoverRouteRequest(s.campaignId(), taskId, node, line, List.of(), List.of(line));
    }
}
