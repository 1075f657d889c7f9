package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.outdial.activities.testsupport.StorageExtension;
import io.outdial.activities.testsupport.TestData;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(StorageExtension.class)
class CampaignRepositoryTest {

    private static final Instant NOW = Instant.parse("2027-01-15T10:00:00Z");

    private final CampaignRepository campaigns;
    private final TestData data;

    CampaignRepositoryTest(DataSource dataSource, TestData data) {
        this.campaigns = new CampaignRepository(dataSource);
        this.data = data;
    }

    @Test
    void aPlanCarriesTheCampaignsWeightAndStrategy() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).line("l1", "gw1", 10, 10).create();
        data.campaignSelection(s.campaignId(), 3, "BEST_CONNECT_RATE");

        CampaignPlan plan = campaigns.find(s.campaignId(), NOW).orElseThrow();

        assertThat(plan.weight()).isEqualTo(3);
        assertThat(plan.strategy()).isEqualTo(SelectionStrategy.BEST_CONNECT_RATE);
    }

    @Test
    void disabledAndEvictedNodesAndLinesAreLeftOutUntilTheirEvictionEnds() {
        TestData.Seeded s = data.campaign()
                .fsNode("fs1", 10, 10).fsNode("fs2", 10, 10).fsNode("fs3", 10, 10).fsNode("fs4", 10, 10)
                .line("l1", "gw1", 10, 10).line("l2", "gw2", 10, 10).line("l3", "gw3", 10, 10).line("l4", "gw4", 10, 10)
                .create();
        data.fsNodeEnabled("fs2", false);
        data.evictFsNode("fs3", NOW.plus(Duration.ofMinutes(5)));
        data.evictFsNode("fs4", NOW.minus(Duration.ofMinutes(5)));
        data.lineEnabled("l2", false);
        data.evictLine("l3", NOW.plus(Duration.ofMinutes(5)));
        data.evictLine("l4", NOW.minus(Duration.ofMinutes(5)));

        CampaignPlan plan = campaigns.find(s.campaignId(), NOW).orElseThrow();
        CampaignPlan later = campaigns.find(s.campaignId(), NOW.plus(Duration.ofMinutes(6))).orElseThrow();

        assertThat(plan.fsNodes()).extracting(CampaignPlan.FsNode::id).containsExactly("fs1", "fs4");
        assertThat(plan.lines()).extracting(CampaignPlan.Line::id).containsExactly("l1", "l4");
        assertThat(later.fsNodes()).extracting(CampaignPlan.FsNode::id).containsExactly("fs1", "fs3", "fs4");
        assertThat(later.lines()).extracting(CampaignPlan.Line::id).containsExactly("l1", "l3", "l4");
    }

    @Test
    void aLineKnowsTheNodesThatCarryItsGatewayAndIsLeftOutWhenNoneIsUsable() {
        TestData.Seeded s = data.campaign().fsNode("fs1", 10, 10).fsNode("fs2", 10, 10)
                .line("anywhere", "gw1", 10, 10).line("on-fs2", "gw2", 10, 10).line("on-fs1", "gw3", 10, 10)
                .create();
        data.lineOnNodes("on-fs2", "fs2");
        data.lineOnNodes("on-fs1", "fs1");
        data.evictFsNode("fs1", NOW.plus(Duration.ofMinutes(1)));

        CampaignPlan plan = campaigns.find(s.campaignId(), NOW).orElseThrow();

        assertThat(plan.lines()).extracting(CampaignPlan.Line::id).containsExactly("anywhere", "on-fs2");
        assertThat(plan.lines().get(0).fsNodeIds()).isEmpty();
        assertThat(plan.lines().get(1).fsNodeIds()).isEqualTo(Set.of("fs2"));
        assertThat(plan.lines().get(1).reachableOn("fs1")).isFalse();
    }

    @Test
    void aTenantsCampaignCannotRunOnAnotherTenantsDedicatedPool() {
        long owner = data.tenant("owner");
        long other = data.tenant("other");
        long dedicated = data.pool("dedicated-to-owner", owner);

        assertThatThrownBy(() -> data.campaign(other, dedicated, 10, 10, 30))
                .isInstanceOf(DataAccessException.class)
                .hasMessageContaining("dedicated to another tenant");
        assertThat(data.campaign(owner, dedicated, 10, 10, 30)).isPositive();
    }
}
