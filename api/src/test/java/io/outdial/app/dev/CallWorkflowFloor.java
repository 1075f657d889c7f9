package io.outdial.app.dev;

import io.outdial.workflows.call.CallActivities;
import io.outdial.workflows.call.CallRequest;
import io.outdial.workflows.call.CallWorkflow;
import io.outdial.workflows.call.CallWorkflowImpl;
import io.outdial.workflows.call.OutcomeRecord;
import io.outdial.workflows.call.OutcomeRecorded;
import io.outdial.workflows.call.PlaceCallRequest;
import io.outdial.workflows.call.PlaceCallResult;
import io.outdial.workflows.common.SearchAttributes;
import io.outdial.workflows.common.TaskQueues;
import io.outdial.workflows.common.WorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Temporal floor of the pacing benchmark: how many calls a second the in-process Temporal test
 * server and this JVM can run through the real {@link CallWorkflowImpl} when the activities do nothing
 * but wait out a call (300-1,300 ms, as the benchmark's simulated calls) and record nothing. No
 * PostgreSQL, Redis, ESL or campaign rounds: what is left is Temporal's own cost per call, which bounds
 * what the whole engine can reach on the same machine.
 *
 * <p>It runs the test server as dev mode does: real time, the call search attributes registered,
 * {@link TestServerLockLog} installed, the worker sized as {@code application.yml} sizes the calls
 * worker. Run by {@code bench/pacing/floor}; arguments: rate per second, seconds, [warm-up seconds].
 * Prints one line: offered rate, calls recorded per second after warm-up, mean start-to-record latency.
 */
public final class CallWorkflowFloor {

    private CallWorkflowFloor() {
    }

    public static void main(String[] args) throws Exception {
        int rate = Integer.parseInt(args[0]);
        int seconds = Integer.parseInt(args[1]);
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        TestEnvironmentOptions.Builder options = TestEnvironmentOptions.newBuilder()
                .setUseTimeskipping(false)
                .setWorkerFactoryOptions(WorkerFactoryOptions.newBuilder()
                        .setWorkflowCacheSize(4000).setMaxWorkflowThreadCount(4000).build());
        SearchAttributes.ALL.forEach(key -> options.registerSearchAttribute(key.getName(), key.getValueType()));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance(options.build());
        Worker worker = env.newWorker(TaskQueues.CALLS, WorkerOptions.newBuilder()
                .setMaxConcurrentActivityExecutionSize(500)
                .setMaxConcurrentWorkflowTaskExecutionSize(100)
                .setMaxConcurrentActivityTaskPollers(8)
                .setMaxConcurrentWorkflowTaskPollers(4)
                .build());
        worker.registerWorkflowImplementationTypes(CallWorkflowImpl.class);
        java.util.Map<Long, Long> startedAt = new java.util.concurrent.ConcurrentHashMap<>();
        ConcurrentLinkedQueue<long[]> done = new ConcurrentLinkedQueue<>();
        worker.registerActivitiesImplementations(new WaitingActivities(startedAt, done));
        TestServerLockLog.install(env);
        env.start();
        WorkflowClient client = env.getWorkflowClient();

        ExecutorService starters = Executors.newFixedThreadPool(8);
        AtomicLong ids = new AtomicLong();
        long begin = System.nanoTime();
        long end = begin + TimeUnit.SECONDS.toNanos(seconds);
        long[] cpuAtWarmup = {0};
        for (int s = 0; System.nanoTime() < end; s++) {
            if (s == warmup) {
                cpuAtWarmup[0] = cpuNanos();
            }
            long secondStart = begin + TimeUnit.SECONDS.toNanos(s);
            List<Runnable> batch = new ArrayList<>();
            for (int i = 0; i < rate; i++) {
                long taskId = ids.incrementAndGet();
                batch.add(() -> start(client, taskId, startedAt));
            }
            batch.forEach(starters::execute);
            long sleep = secondStart + TimeUnit.SECONDS.toNanos(1) - System.nanoTime();
            if (sleep > 0) {
                TimeUnit.NANOSECONDS.sleep(sleep);
            }
        }
        long from = begin + TimeUnit.SECONDS.toNanos(warmup);
        double cores = (cpuNanos() - cpuAtWarmup[0]) / (double) (System.nanoTime() - from);
        long count = done.stream().filter(d -> d[0] >= from && d[0] < end).count();
        double latency = done.stream().filter(d -> d[0] >= from && d[0] < end)
                .mapToLong(d -> d[1]).average().orElse(Double.NaN) / 1e6;
        double perSecond = count / (double) (seconds - warmup);
        System.out.printf("offered %d/s: recorded %.1f/s after %d s warm-up, mean start-to-record %.0f ms, "
                + "%.2f cores, %.1f ms CPU per call%n", rate, perSecond, warmup, latency, cores,
                cores * 1000 / perSecond);
        starters.shutdownNow();
        env.close();
        System.exit(0);
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static void start(WorkflowClient client, long taskId, java.util.Map<Long, Long> startedAt) {
        CallRequest request = new CallRequest(1, taskId, 1, "fs1", "line1", "gw1", 0, 10);
        WorkflowOptions options = WorkflowOptions.newBuilder()
                .setWorkflowId(WorkflowIds.call(1, taskId))
                .setTaskQueue(TaskQueues.CALLS)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setDisableEagerExecution(false)
                .setTypedSearchAttributes(io.temporal.common.SearchAttributes.newBuilder()
                        .set(SearchAttributes.CAMPAIGN_ID, "1")
                        .set(SearchAttributes.TASK_ID, Long.toString(taskId))
                        .set(SearchAttributes.LINE_ID, "line1")
                        .set(SearchAttributes.FS_NODE, "fs1")
                        .set(SearchAttributes.ATTEMPT, 1L)
                        .build())
                .build();
        startedAt.put(taskId, System.nanoTime());
        CallWorkflow call = client.newWorkflowStub(CallWorkflow.class, options);
        WorkflowClient.start(call::run, request);
    }

    /** Waits out a 300-1,300 ms call and reports it answered; records only when the record came. */
    static final class WaitingActivities implements CallActivities {

        private final java.util.Map<Long, Long> startedAt;
        private final ConcurrentLinkedQueue<long[]> done;

        WaitingActivities(java.util.Map<Long, Long> startedAt, ConcurrentLinkedQueue<long[]> done) {
            this.startedAt = startedAt;
            this.done = done;
        }

        @Override
        public PlaceCallResult placeCall(PlaceCallRequest request) {
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1300));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            long now = System.currentTimeMillis();
            return new PlaceCallResult(request.originationUuid(), true, false, "+OK " + request.originationUuid(),
                    true, true, true, "NORMAL_CLEARING", 200, 1, false, false, now, now, now);
        }

        @Override
        public OutcomeRecorded recordOutcome(OutcomeRecord outcome) {
            long now = System.nanoTime();
            Long started = startedAt.remove(outcome.taskId());
            done.add(new long[] {now, started == null ? 0 : now - started});
            return new OutcomeRecorded(true);
        }
    }
}
