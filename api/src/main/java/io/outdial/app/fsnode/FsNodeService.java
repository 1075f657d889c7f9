package io.outdial.app.fsnode;

import io.outdial.activities.esl.EslDialer;
import io.outdial.activities.fshealth.FsHealthVotes;
import io.outdial.activities.fshealth.HealthState;
import io.outdial.activities.fshealth.Tally;
import io.outdial.app.pool.PoolService;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * FS nodes: stored in PostgreSQL, where every round reads them, and pushed to this app node's ESL
 * dialer after each change, so running campaigns pick a change up without a restart. Passwords are
 * never returned or logged.
 */
@Service
public class FsNodeService {

    private static final Logger log = LoggerFactory.getLogger(FsNodeService.class);

    private final FsNodeRepository nodes;
    private final PoolService pools;
    private final EslDialer dialer;
    private final DialerNodeSync dialerSync;
    private final TransactionTemplate transactions;
    private final FsHealthVotes votes;
    private final Clock clock;

    FsNodeService(FsNodeRepository nodes, PoolService pools, EslDialer dialer, DialerNodeSync dialerSync,
                  TransactionTemplate transactions, FsHealthVotes votes, Clock clock) {
        this.nodes = nodes;
        this.pools = pools;
        this.dialer = dialer;
        this.dialerSync = dialerSync;
        this.transactions = transactions;
        this.votes = votes;
        this.clock = clock;
    }

    /** Adds a node; 409 when the id is taken. This app node connects to it at once if it is enabled. */
    public FsNode create(Caller caller, CreateFsNodeRequest request) {
        caller.requirePlatformAdmin();
        long poolId = pools.byName(request.pool(), "pool").id();
        try {
            nodes.insert(request, poolId);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An FS node with id '" + request.id() + "' already exists");
        }
        log.info("Added FS node {} ({}:{}, pool {})", request.id(), request.eslHost(), request.eslPort(), request.pool());
        dialerSync.sync();
        return find(request.id());
    }

    /** The nodes of the pools the caller sees: shared pools and its tenant's own (all for a platform admin). */
    public List<FsNode> list(Caller caller) {
        Set<String> pools = this.pools.visibleNames(caller);
        return nodes.findAll().stream().filter(row -> pools.contains(row.pool())).map(this::view).toList();
    }

    /** The node; one of another tenant's dedicated pool is the same 404 as a missing one. */
    public FsNode get(Caller caller, String id) {
        Set<String> pools = this.pools.visibleNames(caller);
        return nodes.find(id).filter(row -> pools.contains(row.pool())).map(this::view)
                .orElseThrow(() -> new NotFoundException("FS node", id));
    }

    private FsNode find(String id) {
        return nodes.find(id).map(this::view).orElseThrow(() -> new NotFoundException("FS node", id));
    }

    /**
     * Changes a node. Moving it to another pool is a 409 while a line lists it explicitly (a line's
     * nodes must be in the line's pool). A new endpoint or password reconnects this app node's ESL link.
     */
    public FsNode update(Caller caller, String id, UpdateFsNodeRequest request) {
        caller.requirePlatformAdmin();
        Long poolId = request.pool() == null ? null : pools.byName(request.pool(), "pool").id();
        transactions.executeWithoutResult(tx -> {
            // the row lock orders this against a line change that lists the node
            FsNodeRepository.Row current = nodes.lock(id).orElseThrow(() -> new NotFoundException("FS node", id));
            if (poolId != null && poolId != current.poolId()) {
                List<String> lines = nodes.linesListing(id);
                if (!lines.isEmpty()) {
                    throw new ConflictException("FS node " + id + " carries the gateway of lines " + lines
                            + " of its pool; remove it from their fsNodes before moving it");
                }
            }
            nodes.update(id, request, poolId);
        });
        log.info("Updated FS node {}: {}", id, request);
        dialerSync.sync();
        return find(id);
    }

    /** Deletes a node; 409 while a line lists it explicitly. This app node drops its ESL link. */
    public void delete(Caller caller, String id) {
        caller.requirePlatformAdmin();
        transactions.executeWithoutResult(tx -> {
            nodes.lock(id).orElseThrow(() -> new NotFoundException("FS node", id));
            List<String> lines = nodes.linesListing(id);
            if (!lines.isEmpty()) {
                // deleting it would silently widen those lines to every node of the pool
                throw new ConflictException("FS node " + id + " carries the gateway of lines " + lines
                        + "; remove it from their fsNodes first");
            }
            nodes.delete(id);
        });
        log.info("Deleted FS node {}", id);
        dialerSync.sync();
    }

    private FsNode view(FsNodeRepository.Row row) {
        Instant now = clock.instant();
        Instant evictedUntil = row.evictedUntil() == null ? null : row.evictedUntil().toInstant();
        HealthState state = evictedUntil != null && evictedUntil.isAfter(now) ? HealthState.EVICTED : HealthState.HEALTHY;
        Tally tally = votes.tally(row.id(), now.toEpochMilli());
        FsNodeHealth health = new FsNodeHealth(state, row.healthReason(),
                row.healthSince() == null ? null : row.healthSince().toInstant(), tally.liveWorkers(), tally.votes());
        return new FsNode(row.id(), row.pool(), row.eslHost(), row.eslPort(), row.maxSessions(), row.caps(),
                row.enabled(), evictedUntil, dialer.isConnected(row.id()), health);
    }
}
