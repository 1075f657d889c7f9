package io.outdial.app.task;

import io.outdial.activities.tasks.PhoneNumberNormaliser;
import io.outdial.activities.tasks.TaskQueue;
import io.outdial.app.security.Caller;
import io.outdial.app.task.TaskUploadResult.RowError;
import io.outdial.app.web.ApiProblem;
import io.outdial.app.web.ProblemType;
import io.outdial.workflows.campaign.CampaignWorkflow;
import io.outdial.workflows.campaign.InputClosed;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Adds tasks to a campaign from a JSON batch or a streamed CSV. Every row is validated (numbers in E.164
 * through {@link PhoneNumberNormaliser} with the tenant's default region); rows whose external id is
 * already in the campaign with the same number count as existing, numbers already in the campaign (or
 * earlier in the upload) are skipped and reported. Without {@code partial} any row error rejects the whole
 * upload (a 400 listing the errors) and nothing is imported. The new task ids are queued in Redis after the
 * commit; with {@code last} the campaign's input is closed and its workflow told.
 */
@Service
public class TaskUploadService {

    /** The most errors and duplicate rows a response lists (the counts are complete). */
    public static final int MAX_LISTED = 1_000;
    private static final int ENQUEUE_CHUNK = 10_000;

    private static final Logger log = LoggerFactory.getLogger(TaskUploadService.class);

    /** Imports at least this large refresh the planner's statistics of call_tasks. */
    private static final int ANALYZE_AFTER_ROWS = 50_000;

    private final UploadTargets targets;
    private final TaskStaging staging;
    private final PhoneNumberNormaliser normaliser;
    private final TaskQueue taskQueue;
    private final WorkflowClient workflowClient;
    private final TransactionTemplate transactions;

    TaskUploadService(UploadTargets targets, TaskStaging staging, PhoneNumberNormaliser normaliser,
                      TaskQueue taskQueue, WorkflowClient workflowClient, TransactionTemplate transactions) {
        this.targets = targets;
        this.staging = staging;
        this.normaliser = normaliser;
        this.taskQueue = taskQueue;
        this.workflowClient = workflowClient;
        this.transactions = transactions;
    }

    /** Adds a JSON batch of 1 to {@value TaskUploadRequest#MAX_TASKS} tasks; {@code request.last()} closes the input. */
    public TaskUploadResult uploadJson(Caller caller, long campaignId, TaskUploadRequest request, boolean partial) {
        List<TaskUploadRequest.TaskInput> tasks = request.tasks();
        if (tasks == null || tasks.isEmpty() || tasks.size() > UploadLimits.JSON_TASKS) {
            throw new ApiProblem(ProblemType.VALIDATION, "An upload holds 1 to " + UploadLimits.JSON_TASKS
                    + " tasks (upload CSV for more)", Map.of("errors", List.of(
                    Map.of("field", "tasks", "message", "must hold 1 to " + UploadLimits.JSON_TASKS + " tasks"))));
        }
        return upload(caller, campaignId, () -> new JsonTaskSource(tasks), partial,
                Boolean.TRUE.equals(request.last()));
    }

    /**
     * Adds the tasks of a UTF-8 CSV read from {@code body} as it streams in (at most
     * {@value UploadLimits#CSV_ROWS} rows and 64 MiB); {@code last} closes the input after the import.
     */
    public TaskUploadResult uploadCsv(Caller caller, long campaignId, InputStream body, boolean partial,
                                      boolean last) {
        return upload(caller, campaignId,
                () -> new CsvTaskReader(new BoundedInputStream(body, UploadLimits.CSV_BYTES), UploadLimits.CSV_ROWS),
                partial, last);
    }

    private TaskUploadResult upload(Caller caller, long campaignId, Supplier<RowSource> sources, boolean partial,
                                    boolean last) {
        UploadTarget target = targets.find(campaignId).orElseThrow(() -> notFound(campaignId));
        caller.requireVisible(target.tenantId(), "Campaign " + campaignId);
        caller.requireCampaignManager();
        requireOpen(target); // before reading the body
        long startedAt = System.nanoTime();
        long[] phases = new long[3]; // ns at the end of staging, classifying, inserting
        record Imported(TaskUploadResult result, long[] ids, boolean signal) {
        }
        Imported imported = transactions.execute(tx -> {
            RowSource source = sources.get();
            StageReport staged = staging.stage(source, new RowChecker(normaliser, target.region(), source.naming()),
                    MAX_LISTED);
            phases[0] = System.nanoTime();
            UploadTarget locked = targets.lock(campaignId).orElseThrow(() -> notFound(campaignId));
            requireOpen(locked);
            Classification sorted = staging.classify(campaignId, source.naming(), MAX_LISTED);
            phases[1] = System.nanoTime();
            long errorCount = staged.errorCount() + sorted.errorCount();
            List<RowError> errors = merge(staged.firstErrors(), sorted.firstErrors());
            if (errorCount > 0 && !partial) {
                throw new ApiProblem(ProblemType.VALIDATION, errorCount + " error(s) in " + staged.received()
                        + " rows; nothing was imported (send partial=true to import the valid rows)",
                        Map.of("errors", errors, "errorCount", errorCount));
            }
            long[] ids = staging.insertNew(campaignId, sorted.fresh());
            phases[2] = System.nanoTime();
            if (last) {
                targets.closeInput(campaignId);
            }
            TaskUploadResult result = new TaskUploadResult(staged.received(), ids.length, ids.length,
                    sorted.existing(), sorted.duplicates(), sorted.duplicateRows(), errorCount, errors,
                    last || locked.inputClosed(),
                    source.listsTaskIds() ? Arrays.stream(ids).boxed().toList() : null);
            return new Imported(result, ids, last && locked.active());
        });
        // After the commit: a round that leases an id whose row is not QUEUED drops it, so a duplicate is harmless.
        enqueue(campaignId, imported.ids());
        if (imported.ids().length >= ANALYZE_AFTER_ROWS) {
            staging.refreshStatistics();
        }
        if (imported.signal()) {
            signalInputClosed(campaignId);
        }
        TaskUploadResult result = imported.result();
        long end = System.nanoTime();
        log.info("Upload to campaign {}: {} rows, {} added, {} existing, {} duplicates, {} errors{} in {} ms "
                        + "(read, check and COPY {} ms, classify {} ms, insert {} ms, commit and queue {} ms)",
                campaignId, result.received(), result.added(), result.existing(), result.duplicates(),
                result.errorCount(), last ? " (input closed)" : "", millis(startedAt, end), millis(startedAt, phases[0]),
                millis(phases[0], phases[1]), millis(phases[1], phases[2]), millis(phases[2], end));
        return result;
    }

    private static long millis(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1_000_000;
    }

    private void enqueue(long campaignId, long[] ids) {
        for (int from = 0; from < ids.length; from += ENQUEUE_CHUNK) {
            taskQueue.enqueue(campaignId,
                    Arrays.stream(ids, from, Math.min(from + ENQUEUE_CHUNK, ids.length)).boxed().toList());
        }
    }

    private void signalInputClosed(long campaignId) {
        try {
            workflowClient.newWorkflowStub(CampaignWorkflow.class, WorkflowIds.campaign(campaignId))
                    .inputClosed(new InputClosed(targets.taskCount(campaignId)));
        } catch (WorkflowNotFoundException e) {
            log.warn("Campaign {}: input closed, but its workflow is no longer running", campaignId);
        }
    }

    private static void requireOpen(UploadTarget campaign) {
        if (campaign.ended()) {
            throw new ApiProblem(ProblemType.CAMPAIGN_STATE, "Campaign " + campaign.campaignId() + " is "
                    + campaign.status() + ": no tasks can be added");
        }
        if (campaign.inputClosed()) {
            throw new ApiProblem(ProblemType.CAMPAIGN_STATE, "Campaign " + campaign.campaignId()
                    + " takes no more tasks: its input is closed");
        }
    }

    private static ApiProblem notFound(long campaignId) {
        return new ApiProblem(ProblemType.NOT_FOUND, "Campaign " + campaignId + " not found");
    }

    /** The first {@link #MAX_LISTED} of two line-ordered lists of errors, in line order. */
    private static List<RowError> merge(List<RowError> a, List<RowError> b) {
        if (b.isEmpty()) {
            return a;
        }
        List<RowError> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(RowError::line));
        return List.copyOf(all.subList(0, Math.min(MAX_LISTED, all.size())));
    }
}
