package io.outdial.app.campaign;

import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.pool.Pool;
import io.outdial.app.pool.PoolService;
import io.outdial.app.security.Caller;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ConflictException;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.campaign.CampaignInput;
import io.outdial.workflows.campaign.CampaignProgress;
import io.outdial.workflows.campaign.CampaignWorkflow;
import io.outdial.workflows.campaign.CancelRequest;
import io.outdial.workflows.campaign.InputClosed;
import io.outdial.workflows.campaign.Pacing;
import io.outdial.workflows.campaign.PacingChange;
import io.outdial.workflows.campaign.PauseRequest;
import io.outdial.workflows.campaign.ResumeRequest;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What campaign managers do with campaigns: PostgreSQL is the record, the Redis queue feeds the rounds,
 * and the campaign workflow owns the running campaign's state (signals, the pacing update, the
 * progress query).
 */
@Service
public class CampaignService {

    private static final Logger log = LoggerFactory.getLogger(CampaignService.class);
    private static final String DEFAULT_TENANT = "default";
    private static final String DEFAULT_POOL = "shared";
    private static final int DEFAULT_RING_TIMEOUT_SECONDS = 30;

    private static final String DEFAULT_STRATEGY = "ROUND_ROBIN";
    private static final int DEFAULT_MAX_ATTEMPTS = 1;
    private static final int DEFAULT_REATTEMPT_DELAY_SECONDS = 300;

    private final CampaignRepository campaigns;
    private final PoolService pools;
    private final TaskQueue taskQueue;
    private final WorkflowClient workflowClient;
    private final TransactionTemplate transactions;

    CampaignService(CampaignRepository campaigns, PoolService pools, TaskQueue taskQueue, WorkflowClient workflowClient,
                    TransactionTemplate transactions) {
        this.campaigns = campaigns;
        this.pools = pools;
        this.taskQueue = taskQueue;
        this.workflowClient = workflowClient;
        this.transactions = transactions;
    }

    /**
     * Creates a DRAFT campaign and returns its id. Its pool must be shared or dedicated to its tenant:
     * another tenant's dedicated pool is a 409 (and the database's {@code campaign_pool_tenant} trigger
     * rejects it too).
     *
     * <p>A tenant's caller creates campaigns of its own tenant: naming another tenant is the same 400 as naming
     * one that does not exist. A platform administrator names the tenant ({@code default} when absent).
     */
    public long create(Caller caller, CreateCampaignRequest request) {
        caller.requireCampaignManager();
        String tenantName = tenantOfNew(caller, request.tenant());
        String poolName = request.pool() == null ? DEFAULT_POOL : request.pool();
        long tenantId = campaigns.tenantId(tenantName).orElseThrow(() -> invalid("tenant", "no such tenant"));
        Pool pool = usablePool(poolName, tenantName);
        int ringTimeout = request.ringTimeoutSeconds() == null ? DEFAULT_RING_TIMEOUT_SECONDS : request.ringTimeoutSeconds();
        int weight = request.weight() == null ? 1 : request.weight();
        String strategy = request.strategy() == null ? DEFAULT_STRATEGY : request.strategy();
        int maxAttempts = request.maxAttempts() == null ? DEFAULT_MAX_ATTEMPTS : request.maxAttempts();
        int reattemptDelay = request.reattemptDelaySeconds() == null
                ? DEFAULT_REATTEMPT_DELAY_SECONDS : request.reattemptDelaySeconds();
        long id = campaigns.insert(tenantId, pool.id(), request, ringTimeout, weight, strategy, maxAttempts,
                reattemptDelay);
        log.info("Created campaign {} '{}' (pool {}, caps {}, max concurrency {}, weight {}, {}, max attempts {}, "
                        + "re-attempt delay {} s)", id, request.name(), pool.name(), request.caps(),
                request.maxConcurrency(), weight, strategy, maxAttempts, reattemptDelay);
        return id;
    }

    /**
     * Changes weight, strategy and the re-attempt policy (any time before the end) and the pool (only while
     * DRAFT or PAUSED). Rounds read them from PostgreSQL each round, and a call's end reads the policy when
     * it is recorded, so a running campaign needs no restart.
     */
    public CampaignRow update(Caller caller, long campaignId, UpdateCampaignRequest request) {
        get(caller, campaignId);
        caller.requireCampaignManager();
        if (request.empty()) {
            throw invalid("weight", "weight, strategy, pool, maxAttempts or reattemptDelaySeconds is required");
        }
        transactions.executeWithoutResult(tx -> {
            CampaignRow campaign = campaigns.lock(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
            if (campaign.ended()) {
                throw new CampaignStateException("Campaign " + campaignId + " is " + campaign.status());
            }
            Long poolId = null;
            if (request.pool() != null) {
                if (campaign.status().equals("RUNNING")) {
                    throw new CampaignStateException("Campaign " + campaignId
                            + " is running: pause it to change its pool");
                }
                poolId = usablePool(request.pool(), campaign.tenant()).id();
            }
            campaigns.updateSharing(campaignId, request, poolId);
        });
        log.info("Campaign {}: weight {}, strategy {}, pool {}, max attempts {}, re-attempt delay {}", campaignId,
                orKept(request.weight()), orKept(request.strategy()), orKept(request.pool()),
                orKept(request.maxAttempts()), orKept(request.reattemptDelaySeconds()));
        return get(campaignId);
    }

    private static String tenantOfNew(Caller caller, String requested) {
        if (caller.platformAdmin()) {
            return requested == null ? DEFAULT_TENANT : requested;
        }
        if (requested != null && !requested.equals(caller.tenantName())) {
            throw invalid("tenant", "no such tenant");
        }
        return caller.tenantName();
    }

    /** The pool of this name if the tenant may use it; 400 when there is none, 409 for another tenant's pool. */
    private Pool usablePool(String poolName, String tenantName) {
        Pool pool = pools.byName(poolName, "pool");
        if (!pool.usableBy(tenantName)) {
            throw new ConflictException("Pool '" + poolName + "' is dedicated to another tenant");
        }
        return pool;
    }

    private static Object orKept(Object value) {
        return value == null ? "kept" : value;
    }

    /**
     * The campaign, if the caller sees it: another tenant's campaign is the same 404 as a missing one.
     */
    public CampaignRow get(Caller caller, long campaignId) {
        requireVisible(caller, campaignId);
        return get(campaignId);
    }

    /**
     * Throws the 404 of a missing campaign unless the campaign exists and belongs to the caller's tenant
     * (or the caller is a platform administrator). Changes nothing.
     */
    public void requireVisible(Caller caller, long campaignId) {
        long tenantId = campaigns.tenantOf(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
        if (!caller.sees(tenantId)) {
            throw new CampaignNotFoundException(campaignId);
        }
    }

    /** The campaign, without a tenant check: only for code that checked the caller already. */
    public CampaignRow get(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
    }

    /** The caller's campaigns (every tenant's for a platform administrator), newest first, at most 500. */
    public List<CampaignRow> list(Caller caller) {
        return campaigns.findAll(caller.tenantId(), 500);
    }

    /** The campaign with task and attempt counts, and the workflow's progress while it runs. */
    public CampaignDetails details(Caller caller, long campaignId) {
        CampaignRow campaign = get(caller, campaignId);
        var byOutcome = campaigns.attemptCountsByOutcome(campaignId);
        return new CampaignDetails(campaign, campaigns.taskCountsByStatus(campaignId),
                byOutcome.values().stream().mapToLong(Long::longValue).sum(), byOutcome,
                campaigns.attemptCountsByFaultClass(campaignId), progress(campaign));
    }

    /** Starts the campaign workflow of a DRAFT campaign, after rebuilding its queue from PostgreSQL. */
    public String start(Caller caller, long campaignId) {
        requireManageable(caller, campaignId);
        CampaignRow campaign = transactions.execute(tx -> {
            CampaignRow locked = campaigns.lock(campaignId).orElseThrow(() -> new CampaignNotFoundException(campaignId));
            if (!locked.status().equals("DRAFT")) {
                throw new CampaignStateException("Campaign " + campaignId + " was already started (" + locked.status() + ")");
            }
            // under the row lock, so a concurrent batch of tasks is either in this rebuild or enqueued after it
            taskQueue.rebuild(campaignId, campaigns.queuedTaskIds(campaignId));
            return locked;
        });
        String workflowId = WorkflowIds.campaign(campaignId);
        CampaignWorkflow workflow = workflowClient.newWorkflowStub(CampaignWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(workflowId)
                .setTaskQueue(TaskQueues.CAMPAIGNS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
        try {
            WorkflowClient.start(workflow::run, CampaignInput.start(campaignId,
                    new Pacing(campaign.caps(), campaign.maxConcurrency()), campaign.inputClosed()));
        } catch (WorkflowExecutionAlreadyStarted e) {
            throw new CampaignStateException("Campaign " + campaignId + " was already started");
        }
        campaigns.markStarted(campaignId, workflowId);
        log.info("Started campaign {} as workflow {}", campaignId, workflowId);
        return workflowId;
    }

    public void pause(Caller caller, long campaignId) {
        requireManageable(caller, campaignId);
        requireActive(campaignId);
        signal(campaignId, workflow -> workflow.pause(new PauseRequest("REST API")));
    }

    public void resume(Caller caller, long campaignId) {
        requireManageable(caller, campaignId);
        requireActive(campaignId);
        signal(campaignId, workflow -> workflow.resume(new ResumeRequest("REST API")));
    }

    /** Cancels a running campaign through its workflow, or a draft directly. */
    public void cancel(Caller caller, long campaignId) {
        requireManageable(caller, campaignId);
        CampaignRow campaign = get(campaignId);
        if (campaign.status().equals("DRAFT") && campaigns.cancelDraft(campaignId)) {
            return;
        }
        requireActive(campaignId);
        signal(campaignId, workflow -> workflow.cancel(new CancelRequest("REST API")));
    }

    /** Declares that no more tasks will come. */
    public void closeInput(Caller caller, long campaignId) {
        requireManageable(caller, campaignId);
        CampaignRow campaign = get(campaignId);
        if (campaign.ended()) {
            throw new CampaignStateException("Campaign " + campaignId + " is " + campaign.status());
        }
        campaigns.closeInput(campaignId);
        if (campaign.active()) {
            signal(campaignId, workflow -> workflow.inputClosed(new InputClosed(totalTasks(campaignId))));
        }
    }

    /**
     * Changes the pacing: through the workflow's update while it runs (its validator has the last
     * word), directly in PostgreSQL for a draft.
     */
    public Pacing changePacing(Caller caller, long campaignId, PacingRequest request) {
        requireManageable(caller, campaignId);
        if (request.caps() == null && request.maxConcurrency() == null) {
            throw new InvalidRequestException("Nothing to change", List.of(
                    new InvalidRequestException.FieldError("caps", "caps or maxConcurrency is required")));
        }
        CampaignRow campaign = get(campaignId);
        if (campaign.ended()) {
            throw new CampaignStateException("Campaign " + campaignId + " is " + campaign.status());
        }
        if (!campaign.active()) {
            campaigns.updatePacing(campaignId, request.caps(), request.maxConcurrency());
            CampaignRow updated = get(campaignId);
            return new Pacing(updated.caps(), updated.maxConcurrency());
        }
        Pacing pacing;
        try {
            pacing = stub(campaignId).changePacing(new PacingChange(request.caps(), request.maxConcurrency()));
        } catch (WorkflowUpdateException e) {
            throw new ApiProblem(ProblemType.PACING_REJECTED, "The campaign rejected the pacing change: "
                    + rejectionMessage(e));
        } catch (WorkflowNotFoundException e) {
            throw new CampaignStateException("Campaign " + campaignId + " is no longer running");
        }
        campaigns.updatePacing(campaignId, pacing.caps(), pacing.maxConcurrency());
        return pacing;
    }

    /** 404 for a campaign the caller does not see (checked first: a 403 would confirm it exists), then the role. */
    private void requireManageable(Caller caller, long campaignId) {
        requireVisible(caller, campaignId);
        caller.requireCampaignManager();
    }

    private CampaignProgress progress(CampaignRow campaign) {
        if (!campaign.active()) {
            return null;
        }
        try {
            return stub(campaign.id()).progress();
        } catch (RuntimeException e) {
            log.debug("No progress for campaign {}: {}", campaign.id(), e.toString());
            return null;
        }
    }

    private long totalTasks(long campaignId) {
        return campaigns.taskCountsByStatus(campaignId).values().stream().mapToLong(Long::longValue).sum();
    }

    private void requireActive(long campaignId) {
        CampaignRow campaign = get(campaignId);
        if (!campaign.active()) {
            throw new CampaignStateException("Campaign " + campaignId + " is " + campaign.status() + ", not running");
        }
    }

    private void signal(long campaignId, Consumer<CampaignWorkflow> signal) {
        try {
            signal.accept(stub(campaignId));
        } catch (WorkflowNotFoundException e) {
            throw new CampaignStateException("Campaign " + campaignId + " is no longer running");
        }
    }

    private CampaignWorkflow stub(long campaignId) {
        return workflowClient.newWorkflowStub(CampaignWorkflow.class, WorkflowIds.campaign(campaignId));
    }

    private static String rejectionMessage(WorkflowUpdateException e) {
        Throwable cause = e.getCause();
        if (cause instanceof ApplicationFailure failure) {
            return failure.getOriginalMessage();
        }
        return cause == null ? "rejected by the campaign" : cause.getMessage();
    }

    private static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(field + ": " + message,
                List.of(new InvalidRequestException.FieldError(field, message)));
    }
}
