package io.outdial.activities.tasks;

import io.outdial.workflows.campaign.AddTasksRequest;
import io.outdial.workflows.campaign.CampaignFailures;
import io.outdial.workflows.campaign.NewTask;
import io.outdial.workflows.campaign.TasksAdded;
import io.outdial.workflows.campaign.TasksAdded.RejectedTask;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores a batch of tasks sent to a campaign through Temporal (the {@code AddTasks} activity of the
 * {@code addTasks} update): validates and normalises every number in the tenant's default region, stores
 * the good tasks and the batch key in one transaction under the campaign's row lock, then queues the new
 * ids. Idempotent per (campaign, batch key): a retry finds its batch and queues its ids again, which is
 * harmless (a round drops an id whose task is no longer QUEUED).
 */
public class TaskBatchImport {

    /** The database's rule for external ids: printable ASCII, 1 to 100 characters. */
    private static final Pattern EXTERNAL_ID = Pattern.compile("^[\\x21-\\x7E]{1,100}$");

    /** The longest external reference stored. */
    static final int MAX_EXTERNAL_REF = 200;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TaskQueue queue;
    private final PhoneNumberNormaliser normaliser;

    public TaskBatchImport(DataSource dataSource, TaskQueue queue, PhoneNumberNormaliser normaliser) {
        this.jdbc = JdbcClient.create(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.queue = queue;
        this.normaliser = normaliser;
    }

    private record Campaign(String status, boolean inputClosed, String region) {
    }

    private record Stored(List<Long> taskIds, int existing, List<RejectedTask> rejected) {
    }

    /**
     * Stores the batch (see the class documentation).
     *
     * @throws ApplicationFailure non-retryable, of type {@link CampaignFailures#CAMPAIGN_NOT_FOUND} or
     *                            {@link CampaignFailures#INPUT_CLOSED}
     */
    public TasksAdded add(AddTasksRequest request) {
        Stored stored = transactions.execute(status -> store(request));
        // after the commit: a round must never lease an id whose row it cannot see
        queue.enqueue(request.campaignId(), stored.taskIds());
        return new TasksAdded(stored.taskIds().size(), stored.existing(), stored.rejected());
    }

    private Stored store(AddTasksRequest request) {
        long campaignId = request.campaignId();
        Campaign campaign = jdbc.sql("""
                        select c.status, c.input_closed, t.default_region
                        from campaigns c join tenants t on t.id = c.tenant_id where c.id = ? for update of c""")
                .param(campaignId)
                .query((rs, n) -> new Campaign(rs.getString(1), rs.getBoolean(2), rs.getString(3)))
                .optional()
                .orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                        "campaign " + campaignId + " does not exist", CampaignFailures.CAMPAIGN_NOT_FOUND));
        Stored before = storedBatch(campaignId, request.batchKey());
        if (before != null) {
            return before;
        }
        if (campaign.status().equals("COMPLETED") || campaign.status().equals("CANCELLED")) {
            throw ApplicationFailure.newNonRetryableFailure("campaign " + campaignId + " is " + campaign.status()
                    + ": no tasks can be added", CampaignFailures.INPUT_CLOSED);
        }
        if (campaign.inputClosed()) {
            throw ApplicationFailure.newNonRetryableFailure("campaign " + campaignId
                    + " takes no more tasks: its input is closed", CampaignFailures.INPUT_CLOSED);
        }
        Stored stored = insertNew(campaignId, request.tasks(), campaign.region());
        if (request.closeInput()) {
            jdbc.sql("update campaigns set input_closed = true, updated_at = now() where id = ?").param(campaignId)
                    .update();
        }
        jdbc.sql("""
                        insert into task_batches (campaign_id, batch_key, task_ids, existing, rejected_index,
                                                  rejected_reason)
                        values (?, ?, ?, ?, ?, ?)""")
                .params(campaignId, request.batchKey(), stored.taskIds().toArray(Long[]::new), stored.existing(),
                        stored.rejected().stream().map(RejectedTask::index).toArray(Integer[]::new),
                        stored.rejected().stream().map(RejectedTask::reason).toArray(String[]::new))
                .update();
        return stored;
    }

    private Stored storedBatch(long campaignId, String batchKey) {
        return jdbc.sql("""
                        select task_ids, existing, rejected_index, rejected_reason from task_batches
                        where campaign_id = ? and batch_key = ?""")
                .params(campaignId, batchKey)
                .query((rs, n) -> {
                    Integer[] indexes = (Integer[]) rs.getArray(3).getArray();
                    String[] reasons = (String[]) rs.getArray(4).getArray();
                    List<RejectedTask> rejected = new ArrayList<>();
                    for (int i = 0; i < indexes.length; i++) {
                        rejected.add(new RejectedTask(indexes[i], reasons[i]));
                    }
                    return new Stored(Arrays.asList((Long[]) rs.getArray(1).getArray()), rs.getInt(2), rejected);
                })
                .optional()
                .orElse(null);
    }

    /** Validates every task, sorts out the existing ones and inserts the rest, in batch order. */
    private Stored insertNew(long campaignId, List<NewTask> tasks, String region) {
        Map<String, String> numberByExternalId = existingNumbers(campaignId, tasks);
        List<RejectedTask> rejected = new ArrayList<>();
        List<String> numbers = new ArrayList<>();
        List<String> externalIds = new ArrayList<>();
        List<String> externalRefs = new ArrayList<>();
        int existing = 0;
        for (int i = 0; i < tasks.size(); i++) {
            NewTask task = tasks.get(i);
            String problem = problem(task);
            PhoneNumberNormaliser.Result number = problem == null ? normaliser.normalise(task.phoneNumber(), region)
                    : null;
            if (problem == null && !number.valid()) {
                problem = "phoneNumber " + number.error();
            }
            if (problem == null && task.externalId() != null) {
                String known = numberByExternalId.putIfAbsent(task.externalId(), number.e164());
                if (known != null && known.equals(number.e164())) {
                    existing++;
                    continue;
                }
                if (known != null) {
                    problem = "externalId is already used for another phone number";
                }
            }
            if (problem != null) {
                rejected.add(new RejectedTask(i, problem));
                continue;
            }
            numbers.add(number.e164());
            externalIds.add(task.externalId());
            externalRefs.add(task.externalRef());
        }
        List<Long> ids = insert(campaignId, numbers, externalIds, externalRefs);
        // a task added meanwhile by a path that does not lock the campaign counts as existing
        return new Stored(ids, existing + numbers.size() - ids.size(), rejected);
    }

    private static String problem(NewTask task) {
        if (task.externalId() != null && !EXTERNAL_ID.matcher(task.externalId()).matches()) {
            return "externalId must be 1 to 100 printable ASCII characters without spaces";
        }
        if (task.externalRef() != null && task.externalRef().length() > MAX_EXTERNAL_REF) {
            return "externalRef is longer than " + MAX_EXTERNAL_REF + " characters";
        }
        return null;
    }

    private Map<String, String> existingNumbers(long campaignId, List<NewTask> tasks) {
        String[] externalIds = tasks.stream().map(NewTask::externalId).filter(id -> id != null)
                .distinct().toArray(String[]::new);
        Map<String, String> numbers = new HashMap<>();
        if (externalIds.length == 0) {
            return numbers;
        }
        jdbc.sql("select external_id, phone_number from call_tasks where campaign_id = ? and external_id = any(?)")
                .params(campaignId, externalIds)
                .query(rs -> {
                    numbers.put(rs.getString(1), rs.getString(2));
                });
        return numbers;
    }

    private List<Long> insert(long campaignId, List<String> numbers, List<String> externalIds,
                              List<String> externalRefs) {
        if (numbers.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        insert into call_tasks (campaign_id, phone_number, external_id, external_ref)
                        select ?, n.phone_number, n.external_id, n.external_ref
                        from unnest(?::text[], ?::text[], ?::text[]) with ordinality
                             as n(phone_number, external_id, external_ref, ord)
                        order by n.ord
                        on conflict (campaign_id, external_id) where external_id is not null do nothing
                        returning id""")
                .params(campaignId, numbers.toArray(String[]::new), externalIds.toArray(String[]::new),
                        externalRefs.toArray(String[]::new))
                .query(Long.class).list().stream().sorted().toList();
    }
}
