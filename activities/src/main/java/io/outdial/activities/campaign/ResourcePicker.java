package io.outdial.activities.campaign;

import io.outdial.activities.pacing.Verdict;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses an FS node and a line for each call of one round, round-robin, skipping every node or line
 * that denied a reservation earlier in the round. Each denial removes a node or a line, so a call
 * tries at most (nodes + lines) combinations.
 */
class ResourcePicker {

    /** One combination. */
    record Pick(CampaignPlan.FsNode fsNode, CampaignPlan.Line line) {
    }

    private final List<CampaignPlan.FsNode> fsNodes;
    private final List<CampaignPlan.Line> lines;
    private final Set<String> deniedNodes = new HashSet<>();
    private final Set<String> deniedLines = new HashSet<>();
    private int nodeCursor;
    private int lineCursor;

    /** @param start where the rotation starts, so successive rounds spread their first calls */
    ResourcePicker(List<CampaignPlan.FsNode> fsNodes, List<CampaignPlan.Line> lines, long start) {
        this.fsNodes = fsNodes;
        this.lines = lines;
        this.nodeCursor = fsNodes.isEmpty() ? 0 : (int) Math.floorMod(start, fsNodes.size());
        this.lineCursor = lines.isEmpty() ? 0 : (int) Math.floorMod(start, lines.size());
    }

    /** The next combination to try, or empty when every node or every line has denied. */
    Optional<Pick> next() {
        Optional<CampaignPlan.FsNode> node = first(fsNodes, nodeCursor, deniedNodes, CampaignPlan.FsNode::id);
        Optional<CampaignPlan.Line> line = first(lines, lineCursor, deniedLines, CampaignPlan.Line::id);
        if (node.isEmpty() || line.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pick(node.get(), line.get()));
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

    /** Why {@link #next()} is empty: every node denied (or none exists), else every line. */
    RoundLimit exhausted() {
        boolean nodesLeft = fsNodes.stream().anyMatch(n -> !deniedNodes.contains(n.id()));
        return nodesLeft ? RoundLimit.LINE : RoundLimit.FS_NODE;
    }

    private static <T> Optional<T> first(List<T> items, int cursor, Set<String> denied,
                                         java.util.function.Function<T, String> id) {
        for (int i = 0; i < items.size(); i++) {
            T item = items.get((cursor + i) % items.size());
            if (!denied.contains(id.apply(item))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }
}
