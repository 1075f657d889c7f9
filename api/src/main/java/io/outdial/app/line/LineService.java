package io.outdial.app.line;

import io.outdial.activities.linehealth.LineHealthEvaluator;
import io.outdial.activities.linehealth.LineHealthReport;
import io.outdial.app.campaign.InvalidRequestException;
import io.outdial.app.pool.PoolService;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Lines in PostgreSQL. Rounds read the enabled lines of a campaign's pool every round, so a change
 * here (a new limit, a disabled line) takes effect from the next round on, without a restart.
 */
@Service
public class LineService {

    private static final Logger log = LoggerFactory.getLogger(LineService.class);

    private final LineRepository lines;
    private final PoolService pools;
    private final TransactionTemplate transactions;
    private final LineHealthEvaluator health;

    LineService(LineRepository lines, PoolService pools, TransactionTemplate transactions,
                LineHealthEvaluator health) {
        this.lines = lines;
        this.pools = pools;
        this.transactions = transactions;
        this.health = health;
    }

    /** Adds a line; 409 when the id is taken, 400 when a listed FS node is not in the line's pool. */
    public Line create(Caller caller, CreateLineRequest request) {
        caller.requirePlatformAdmin();
        long poolId = pools.byName(request.pool(), "pool").id();
        List<String> fsNodes = request.fsNodes() == null ? List.of() : request.fsNodes().stream().distinct().toList();
        try {
            transactions.executeWithoutResult(tx -> {
                requireInPool(fsNodes, poolId);
                lines.insert(request, poolId);
                lines.replaceFsNodes(request.id(), fsNodes);
            });
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A line with id '" + request.id() + "' already exists");
        }
        log.info("Added line {} (gateway {}, pool {}, caps {}, max concurrency {})", request.id(), request.gateway(),
                request.pool(), request.caps(), request.maxConcurrency());
        return find(request.id());
    }

    /** The lines of the pools the caller sees: shared pools and its tenant's own (all for a platform admin). */
    public List<Line> list(Caller caller) {
        Set<String> visible = pools.visibleNames(caller);
        Map<String, List<String>> fsNodes = lines.allFsNodes();
        Map<String, LineHealthReport> reports = health.reports();
        return lines.findAll().stream()
                .filter(row -> visible.contains(row.pool()))
                .map(row -> view(row, fsNodes.getOrDefault(row.id(), List.of()), reports.get(row.id())))
                .toList();
    }

    /** The line; one of another tenant's dedicated pool is the same 404 as a missing one. */
    public Line get(Caller caller, String id) {
        Set<String> visible = pools.visibleNames(caller);
        if (lines.find(id).filter(row -> visible.contains(row.pool())).isEmpty()) {
            throw new NotFoundException("line", id);
        }
        return find(id);
    }

    private Line find(String id) {
        return lines.find(id).map(row -> view(row, lines.fsNodes(id), health.report(id).orElse(null)))
                .orElseThrow(() -> new NotFoundException("line", id));
    }

    /** Changes a line; its FS nodes (the new list, or the kept one) must be in its (new or kept) pool. */
    public Line update(Caller caller, String id, UpdateLineRequest request) {
        caller.requirePlatformAdmin();
        transactions.executeWithoutResult(tx -> {
            LineRepository.Row current = lines.lock(id).orElseThrow(() -> new NotFoundException("line", id));
            Long poolId = request.pool() == null ? null : pools.byName(request.pool(), "pool").id();
            List<String> fsNodes = request.fsNodes() == null ? lines.fsNodes(id)
                    : request.fsNodes().stream().distinct().toList();
            requireInPool(fsNodes, poolId == null ? current.poolId() : poolId);
            lines.update(id, request, poolId);
            if (request.fsNodes() != null) {
                lines.replaceFsNodes(id, fsNodes);
            }
        });
        log.info("Updated line {}: {}", id, request);
        return find(id);
    }

    public void delete(Caller caller, String id) {
        caller.requirePlatformAdmin();
        lines.find(id).orElseThrow(() -> new NotFoundException("line", id));
        lines.delete(id);
        log.info("Deleted line {}", id);
    }

    private void requireInPool(List<String> fsNodes, long poolId) {
        if (fsNodes.isEmpty()) {
            return;
        }
        List<String> strangers = lines.notInPool(fsNodes, poolId);
        if (!strangers.isEmpty()) {
            String message = "FS nodes " + strangers + " are not nodes of the line's pool";
            throw new InvalidRequestException(message, List.of(new InvalidRequestException.FieldError("fsNodes", message)));
        }
    }

    private static Line view(LineRepository.Row row, List<String> fsNodes, LineHealthReport report) {
        return new Line(row.id(), row.pool(), row.gateway(), row.caps(), row.maxConcurrency(), row.callerId(),
                row.enabled(), fsNodes, row.evictedUntil() == null ? null : row.evictedUntil().toInstant(),
                report == null ? null : LineHealth.of(report));
    }
}
