package io.outdial.activities.campaign;

import io.outdial.activities.pacing.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Chooses an FS node and a line for each call of one round by the campaign's strategy, among the
 * lines that have not denied a reservation earlier in the round and the nodes that have not and that
 * carry the chosen line's gateway. Each denial removes a node or a line, so a call tries at most
 * (nodes + lines) combinations.
 */
class ResourcePicker {

    /** The share of best-connect-rate choices sent to a random line instead, to keep learning rates. */
    static final double EXPLORATION = 0.1;

    /** One combination. */
    record Pick(CampaignPlan.FsNode fsNode, CampaignPlan.Line line) {
    }

    private final List<CampaignPlan.FsNode> fsNodes;
    private final List<CampaignPlan.Line> lines;
    private final SelectionStrategy strategy;
    private final Map<String, Double> connectRates;
    private final RandomGenerator random;
    private final Set<String> deniedNodes = new HashSet<>();
    private final Set<String> deniedLines = new HashSet<>();
    private int nodeCursor;
    private int lineCursor;

    /**
     * @param connectRates each line's recent connect rate (for {@link SelectionStrategy#BEST_CONNECT_RATE})
     * @param start        where the rotations start, so successive rounds spread their first calls
     */
    ResourcePicker(List<CampaignPlan.FsNode> fsNodes, List<CampaignPlan.Line> lines, SelectionStrategy strategy,
                   Map<String, Double> connectRates, RandomGenerator random, long start) {
        this.fsNodes = fsNodes;
        this.lines = lines;
        this.strategy = strategy;
        this.connectRates = connectRates;
        this.random = random;
        this.nodeCursor = fsNodes.isEmpty() ? 0 : (int) Math.floorMod(start, fsNodes.size());
        this.lineCursor = lines.isEmpty() ? 0 : (int) Math.floorMod(start, lines.size());
    }

    /** The next combination to try, or empty when no line with a usable node is left. */
    Optional<Pick> next() {
        List<CampaignPlan.Line> candidates = lines.stream()
                .filter(line -> !deniedLines.contains(line.id()) && !usableNodes(line).isEmpty())
                .toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        CampaignPlan.Line line = switch (strategy) {
            case RANDOM -> candidates.get(random.nextInt(candidates.size()));
            case ROUND_ROBIN -> inTurn(candidates);
            case BEST_CONNECT_RATE -> random.nextDouble() < EXPLORATION
                    ? candidates.get(random.nextInt(candidates.size()))
                    : best(candidates);
        };
        return Optional.of(new Pick(nodeFor(line).orElseThrow(), line));
    }

    /** Moves on after a granted reservation, so the next call goes through the next node and line. */
    void granted(Pick pick) {
        nodeCursor = (fsNodes.indexOf(pick.fsNode()) + 1) % fsNodes.size();
        lineCursor = (lines.indexOf(pick.line()) + 1) % lines.size();
    }

    /** Skips the node or the line that denied, for the rest of the round. */
    void denied(Pick pick, Verdict verdict) {
        switch (verdict.level()) {
            case FS_NODE -> deniedNodes.add(pick.fsNode().id());
            case LINE -> deniedLines.add(pick.line().id());
            default -> throw new IllegalArgumentException("not a node or line denial: " + verdict);
        }
    }

    /** The lines that have not denied a reservation in this round. */
    List<String> undeniedLines() {
        return lines.stream().map(CampaignPlan.Line::id).filter(id -> !deniedLines.contains(id)).toList();
    }

    /** Why {@link #next()} is empty: every node denied (or none exists), else every line. */
    RoundLimit exhausted() {
        boolean nodesLeft = fsNodes.stream().anyMatch(n -> !deniedNodes.contains(n.id()));
        return nodesLeft ? RoundLimit.LINE : RoundLimit.FS_NODE;
    }

    private CampaignPlan.Line inTurn(List<CampaignPlan.Line> candidates) {
        for (int i = 0; i < lines.size(); i++) {
            CampaignPlan.Line line = lines.get((lineCursor + i) % lines.size());
            if (candidates.contains(line)) {
                return line;
            }
        }
        throw new IllegalStateException("no candidate line");
    }

    private CampaignPlan.Line best(List<CampaignPlan.Line> candidates) {
        CampaignPlan.Line best = candidates.get(0);
        for (CampaignPlan.Line line : candidates) {
            if (rate(line) > rate(best)) {
                best = line;
            }
        }
        return best;
    }

    private double rate(CampaignPlan.Line line) {
        return connectRates.getOrDefault(line.id(), 0.0);
    }

    private List<CampaignPlan.FsNode> usableNodes(CampaignPlan.Line line) {
        return fsNodes.stream()
                .filter(node -> !deniedNodes.contains(node.id()) && line.reachableOn(node.id()))
                .toList();
    }

    private Optional<CampaignPlan.FsNode> nodeFor(CampaignPlan.Line line) {
        List<CampaignPlan.FsNode> usable = usableNodes(line);
        if (usable.isEmpty()) {
            return Optional.empty();
        }
        if (strategy == SelectionStrategy.RANDOM) {
            return Optional.of(usable.get(random.nextInt(usable.size())));
        }
        for (int i = 0; i < fsNodes.size(); i++) {
            CampaignPlan.FsNode node = fsNodes.get((nodeCursor + i) % fsNodes.size());
            if (usable.contains(node)) {
                return Optional.of(node);
            }
        }
        throw new IllegalStateException("no usable node");
    }
}
