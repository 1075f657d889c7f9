package io.outdial.activities.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import io.outdial.activities.pacing.Verdict;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResourcePickerTest {

    private static final List<CampaignPlan.FsNode> NODES = List.of(
            new CampaignPlan.FsNode("fs1", 100, 100), new CampaignPlan.FsNode("fs2", 100, 100));
    private static final List<CampaignPlan.Line> LINES = List.of(line("a"), line("b"), line("c"));

    private static CampaignPlan.Line line(String id, String... nodes) {
        return new CampaignPlan.Line(id, "gw-" + id, 10, 10, Set.of(nodes));
    }

    private static ResourcePicker picker(SelectionStrategy strategy, Map<String, Double> rates) {
        return new ResourcePicker(NODES, LINES, strategy, rates, new Random(7), 0);
    }

    private static Map<String, Integer> linesChosen(ResourcePicker picker, int calls) {
        Map<String, Integer> chosen = new HashMap<>();
        for (int i = 0; i < calls; i++) {
            ResourcePicker.Pick pick = picker.next().orElseThrow();
            picker.granted(pick);
            chosen.merge(pick.line().id(), 1, Integer::sum);
        }
        return chosen;
    }

    @Test
    void roundRobinCyclesThroughTheLinesAndTheNodes() {
        ResourcePicker picker = picker(SelectionStrategy.ROUND_ROBIN, Map.of());
        List<String> picks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ResourcePicker.Pick pick = picker.next().orElseThrow();
            picker.granted(pick);
            picks.add(pick.line().id() + "@" + pick.fsNode().id());
        }

        assertThat(picks).containsExactly("a@fs1", "b@fs2", "c@fs1", "a@fs2", "b@fs1", "c@fs2");
    }

    @Test
    void randomCoversEveryLineRoughlyEvenly() {
        Map<String, Integer> chosen = linesChosen(picker(SelectionStrategy.RANDOM, Map.of()), 3000);

        assertThat(chosen).containsOnlyKeys("a", "b", "c");
        assertThat(chosen.values()).allSatisfy(count -> assertThat(count).isBetween(900, 1100));
    }

    @Test
    void bestConnectRatePrefersTheBetterLineButStillExploresTheOthers() {
        Map<String, Integer> chosen = linesChosen(
                picker(SelectionStrategy.BEST_CONNECT_RATE, Map.of("a", 0.2, "b", 0.6, "c", 0.3)), 3000);

        assertThat(chosen.get("b")).isGreaterThan(2600);
        assertThat(chosen.get("a")).isPositive();
        assertThat(chosen.get("c")).isPositive();
    }

    @Test
    void aLineThatDeniedIsNotChosenAgainInTheRound() {
        for (SelectionStrategy strategy : SelectionStrategy.values()) {
            ResourcePicker picker = picker(strategy, Map.of("a", 0.2, "b", 0.6, "c", 0.3));
            ResourcePicker.Pick first = picker.next().orElseThrow();
            picker.denied(first, Verdict.LINE_CAPS);

            assertThat(linesChosen(picker, 200)).as(strategy.name()).doesNotContainKey(first.line().id());
        }
    }

    @Test
    void aLineGoesOnlyThroughTheNodesThatCarryItsGateway() {
        List<CampaignPlan.Line> lines = List.of(line("a", "fs2"), line("b"));
        for (SelectionStrategy strategy : SelectionStrategy.values()) {
            ResourcePicker picker = new ResourcePicker(NODES, lines, strategy, Map.of(), new Random(1), 0);
            for (int i = 0; i < 100; i++) {
                ResourcePicker.Pick pick = picker.next().orElseThrow();
                picker.granted(pick);
                if (pick.line().id().equals("a")) {
                    assertThat(pick.fsNode().id()).as(strategy.name()).isEqualTo("fs2");
                }
            }
        }
    }

    @Test
    void aLineWhoseOnlyNodeDeniedIsNotChosenAndTheRoundEndsOnTheLines() {
        List<CampaignPlan.Line> lines = List.of(line("a", "fs2"), line("b", "fs1"));
        ResourcePicker picker = new ResourcePicker(NODES, lines, SelectionStrategy.ROUND_ROBIN, Map.of(),
                new Random(1), 0);
        ResourcePicker.Pick first = picker.next().orElseThrow();
        assertThat(first.line().id()).isEqualTo("a");
        picker.denied(first, Verdict.FS_NODE_CONCURRENCY);

        ResourcePicker.Pick second = picker.next().orElseThrow();
        picker.denied(second, Verdict.LINE_FAIR_SHARE);

        assertThat(second.line().id()).isEqualTo("b");
        assertThat(picker.next()).isEmpty();
        assertThat(picker.exhausted()).isEqualTo(RoundLimit.LINE);
    }
}
