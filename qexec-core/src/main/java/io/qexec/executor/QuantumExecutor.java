package io.qexec.executor;

import io.qexec.circuit.Circuit;
import io.qexec.dispatch.Circuits;
import io.qexec.dispatch.Dispatch;
import io.qexec.policy.MergeOutcome;
import io.qexec.policy.MergePolicy;
import io.qexec.policy.MergeRequest;
import io.qexec.policy.PolicyRegistry;
import io.qexec.policy.SplitOutcome;
import io.qexec.policy.SplitPolicy;
import io.qexec.policy.SplitRequest;
import io.qexec.provider.Backend;
import io.qexec.provider.Provider;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.MergedResult;
import io.qexec.result.ResultCollector;
import io.qexec.store.InMemoryJobStore;
import io.qexec.store.JobStore;
import io.qexec.store.RunRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: turns circuits into a {@link Dispatch} with a split policy, runs dispatches on the
 * configured providers, and merges the results with a merge policy.
 *
 * <pre>{@code
 * try (QuantumExecutor qe = QuantumExecutor.builder().build()) {
 *     ResultCollector run = qe.runExperiment(List.of(bell, ghz), List.of(1000), Map.of("local",
 *             List.of("statevector", "stabilizer")), "multiplier", Map.of(), RunOptions.defaults().merge("aggregate"));
 *     run.merged().orElseThrow().value();
 * }
 * }</pre>
 *
 * <p>Every dispatch is validated as a whole before the first submission (see {@link InvalidDispatchException}).
 * Job failures never throw: they are {@code FAILED} results in the collector. Thread-safe.
 */
public final class QuantumExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QuantumExecutor.class);

    private final VirtualProvider providers;
    private final PolicyRegistry policies;
    private final JobStore store;
    private final List<SubmissionStep> steps;
    private final ExecutorService localPool;
    private final ExecutorService remoteThreads;

    private QuantumExecutor(Builder b) {
        this.providers = b.providers != null ? b.providers : VirtualProvider.fromDefaultConfig();
        this.policies = b.policies != null ? b.policies : PolicyRegistry.withBuiltIns();
        this.store = b.store != null ? b.store : new InMemoryJobStore();
        this.steps = List.copyOf(b.steps);
        int threads = b.localThreads > 0 ? b.localThreads : Runtime.getRuntime().availableProcessors();
        this.localPool = Executors.newFixedThreadPool(threads, daemonThreads());
        this.remoteThreads = Executors.newVirtualThreadPerTaskExecutor();
    }

    /** A builder: providers from the default config file, built-in policies, an in-memory job store. */
    public static Builder builder() {
        return new Builder();
    }

    /** The providers. */
    public VirtualProvider virtualProvider() {
        return providers;
    }

    /** The policy registry (register more policies on it at any time). */
    public PolicyRegistry policies() {
        return policies;
    }

    /** The job store. */
    public JobStore jobStore() {
        return store;
    }

    /** {@link #generateDispatch(Object, List, Map, String, Map)} with one shot count for every circuit. */
    public GeneratedDispatch generateDispatch(Object circuits, int shots, Map<String, List<String>> backends,
                                              String splitPolicy, Map<String, Object> splitData) {
        return generateDispatch(circuits, List.of(shots), backends, splitPolicy, splitData);
    }

    /**
     * Builds a dispatch by calling the split policy once per circuit, in order, threading the policy data from
     * each call to the next. Jobs of circuit {@code i} get circuit index {@code i}.
     *
     * @param circuits a {@link Circuit}, an OpenQASM string (one circuit), or a collection of them
     * @param shots one shot count for every circuit, or one per circuit
     * @param backends provider → backend names
     * @param splitPolicy the split policy's name ({@code uniform} when {@code null})
     * @param splitData the policy data for the first call
     * @throws IllegalArgumentException for an unknown policy, mismatched shots, no circuits or no backends
     */
    public GeneratedDispatch generateDispatch(Object circuits, List<Integer> shots, Map<String, List<String>> backends,
                                              String splitPolicy, Map<String, Object> splitData) {
        List<Circuit> list = Circuits.of(circuits);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("no circuits were given");
        }
        if (shots.size() != 1 && shots.size() != list.size()) {
            throw new IllegalArgumentException("shots must be one number or one per circuit: " + list.size()
                    + " circuits, " + shots.size() + " shot counts");
        }
        SplitPolicy split = policies.split(splitPolicy == null ? "uniform" : splitPolicy);
        Map<String, Object> data = splitData == null ? Map.of() : splitData;
        Dispatch dispatch = Dispatch.empty();
        for (int i = 0; i < list.size(); i++) {
            int s = shots.get(shots.size() == 1 ? 0 : i);
            if (s < 1) {
                throw new IllegalArgumentException("circuit " + i + ": shots must be at least 1, got " + s);
            }
            SplitOutcome out = split.split(new SplitRequest(list.get(i), i, s, backends, providers, data));
            dispatch = dispatch.plus(out.dispatch().withCircuitIndex(i));
            data = out.data();
        }
        return new GeneratedDispatch(dispatch, data);
    }

    /** {@link #runExperiment(Object, List, Map, String, Map, RunOptions)} with one shot count for every circuit. */
    public ResultCollector runExperiment(Object circuits, int shots, Map<String, List<String>> backends,
                                         String splitPolicy, Map<String, Object> splitData, RunOptions options) {
        return runExperiment(circuits, List.of(shots), backends, splitPolicy, splitData, options);
    }

    /**
     * Generates the dispatch and runs it. The merge receives the options' merge data, or else the split
     * policy's output data.
     */
    public ResultCollector runExperiment(Object circuits, List<Integer> shots, Map<String, List<String>> backends,
                                         String splitPolicy, Map<String, Object> splitData, RunOptions options) {
        GeneratedDispatch g = generateDispatch(circuits, shots, backends, splitPolicy, splitData);
        RunOptions effective = options.mergeData() == null && options.mergePolicy() != null
                ? options.merge(options.mergePolicy(), g.splitData()) : options;
        return runDispatch(g.dispatch(), effective);
    }

    /** Runs a dispatch in parallel, blocking, without a merge. */
    public ResultCollector runDispatch(Dispatch dispatch) {
        return runDispatch(dispatch, RunOptions.defaults());
    }

    /**
     * Validates and runs a dispatch.
     *
     * @return the run's collector: complete when {@code options.blocking()}, else live
     * @throws InvalidDispatchException if anything in the dispatch is invalid (nothing is submitted)
     * @throws IllegalArgumentException for an unknown merge policy (nothing is submitted)
     */
    public ResultCollector runDispatch(Dispatch dispatch, RunOptions options) {
        Map<String, Backend> backends = DispatchValidator.validate(dispatch, providers);
        MergePolicy merge = options.mergePolicy() == null ? null : policies.merge(options.mergePolicy());
        Map<String, Object> mergeData = options.mergeData() == null ? Map.of() : options.mergeData();
        String runId = store.newRunId();
        store.runStarted(new RunRecord(runId, Instant.now(), dispatch, options.mergePolicy(), mergeData,
                recordedOptions(options)));
        for (Dispatch.Entry e : dispatch) {
            store.jobIntent(runId, e);
        }
        LiveCollector collector = new LiveCollector(runId, dispatch,
                merge == null ? null : c -> runMerge(options.mergePolicy(), merge, c, mergeData),
                r -> recordTransition(runId, r));
        collector.startIfEmpty();
        schedule(collector, backends, options);
        if (options.blocking()) {
            collector.completion().join();
        }
        return collector;
    }

    private static Map<String, Object> recordedOptions(RunOptions options) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("parallel", options.parallel());
        out.put("maxJobsPerBackend", options.maxJobsPerBackend());
        if (options.jobTimeout() != null) {
            out.put("jobTimeout", options.jobTimeout().toString());
        }
        return out;
    }

    private void schedule(LiveCollector collector, Map<String, Backend> backends, RunOptions options) {
        int n = collector.size();
        if (n == 0) {
            return;
        }
        Map<String, Provider> byName = new HashMap<>();
        List<JobExecution> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Dispatch.Entry e = collector.entry(i);
            Provider p = byName.computeIfAbsent(e.provider(), providers::requireProvider);
            tasks.add(new JobExecution(collector, i, p, backends.get(e.provider() + "/" + e.backend()), steps, store,
                    options.jobTimeout()));
        }
        if (!options.parallel()) {
            Runnable all = () -> tasks.forEach(JobExecution::run);
            if (options.blocking()) {
                all.run();
            } else {
                remoteThreads.execute(all);
            }
            return;
        }
        Map<String, BackendLane> lanes = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Dispatch.Entry e = collector.entry(i);
            Provider p = byName.get(e.provider());
            ExecutorService target = p.site() == Provider.Site.LOCAL ? localPool : remoteThreads;
            if (options.maxJobsPerBackend() == 0) {
                target.execute(tasks.get(i));
            } else {
                lanes.computeIfAbsent(e.provider() + "/" + e.backend(), k -> new BackendLane(target, options.maxJobsPerBackend()))
                        .submit(tasks.get(i));
            }
        }
    }

    private MergedResult runMerge(String name, MergePolicy merge, LiveCollector collector, Map<String, Object> data) {
        MergedResult result;
        try {
            MergeOutcome out = merge.merge(new MergeRequest(collector.results(), data));
            result = new MergedResult(name, out.value(), data, out.data(), null);
        } catch (RuntimeException e) {
            LOG.warn("merge policy '{}' failed: {}", name, e.toString());
            result = new MergedResult(name, null, data, data, new JobError(JobError.Kind.INTERNAL,
                    "merge policy '" + name + "' failed: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), ""));
        }
        try {
            store.merged(collector.runId(), result);
        } catch (RuntimeException e) {
            LOG.warn("the job store failed to record the merge of run {}: {}", collector.runId(), e.toString());
        }
        return result;
    }

    private void recordTransition(String runId, JobResult r) {
        try {
            store.jobState(runId, r.jobId(), r.state(), Instant.now(), r.error());
            if (r.isDone()) {
                store.jobResult(runId, r);
            }
        } catch (RuntimeException e) {
            LOG.warn("the job store failed to record a state of run {}: {}", runId, e.toString());
        }
    }

    /** Stops the executor's threads (running jobs are interrupted) and closes the providers. */
    @Override
    public void close() {
        localPool.shutdownNow();
        remoteThreads.shutdownNow();
        providers.close();
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "qexec-local-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Builds a {@link QuantumExecutor}. */
    public static final class Builder {
        private VirtualProvider providers;
        private PolicyRegistry policies;
        private JobStore store;
        private final List<SubmissionStep> steps = new ArrayList<>();
        private int localThreads;

        private Builder() {
        }

        /** Uses these providers (default: the default profile of the default config file). */
        public Builder virtualProvider(VirtualProvider value) {
            this.providers = value;
            return this;
        }

        /** Uses this policy registry (default: {@link PolicyRegistry#withBuiltIns()}). */
        public Builder policies(PolicyRegistry value) {
            this.policies = value;
            return this;
        }

        /** Records runs in this store (default: in memory). */
        public Builder jobStore(JobStore value) {
            this.store = value;
            return this;
        }

        /** Adds a step every job passes through before submission. */
        public Builder submissionStep(SubmissionStep step) {
            this.steps.add(step);
            return this;
        }

        /** The number of threads for local simulation (default: the number of cores). */
        public Builder localThreads(int value) {
            if (value < 1) {
                throw new IllegalArgumentException("localThreads must be at least 1, got " + value);
            }
            this.localThreads = value;
            return this;
        }

        /** The executor. */
        public QuantumExecutor build() {
            return new QuantumExecutor(this);
        }
    }
}
