package io.qexec.executor;

import io.qexec.dispatch.Dispatch;
import io.qexec.result.JobError;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.result.ResultCollector;
import io.qexec.result.RunListener;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The executor's {@link ResultCollector}: one slot per job, filled in place as jobs progress. */
final class LiveCollector implements ResultCollector {
    private static final Logger LOG = LoggerFactory.getLogger(LiveCollector.class);

    private final String runId;
    private final List<Dispatch.Entry> entries;
    private final AtomicReferenceArray<JobResult> slots;
    private final AtomicReferenceArray<Runnable> cancelHooks;
    private final Map<String, Integer> positions;
    private final AtomicInteger remaining;
    private final CompletableFuture<ResultCollector> completion = new CompletableFuture<>();
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final Function<LiveCollector, MergedResult> merger;
    private final Consumer<JobResult> transitionSink;
    private volatile MergedResult merged;

    /**
     * @param merger runs the merge once every job is terminal; {@code null} for no merge
     * @param transitionSink told of every change of a job's state
     */
    LiveCollector(String runId, Dispatch dispatch, Function<LiveCollector, MergedResult> merger,
                  Consumer<JobResult> transitionSink) {
        this.runId = runId;
        this.entries = dispatch.entries();
        this.slots = new AtomicReferenceArray<>(entries.size());
        this.cancelHooks = new AtomicReferenceArray<>(entries.size());
        this.positions = new HashMap<>(entries.size() * 2);
        for (int i = 0; i < entries.size(); i++) {
            Dispatch.Entry e = entries.get(i);
            positions.put(e.job().id(), i);
            slots.set(i, JobResult.pending(e.job().circuitIndex(), e.job().circuit().name(), e.job().id(), e.provider(),
                    e.backend(), e.job().shots()));
        }
        this.remaining = new AtomicInteger(entries.size());
        this.merger = merger;
        this.transitionSink = transitionSink;
    }

    /** Finishes at once when there is no job (the merge still runs). */
    void startIfEmpty() {
        if (entries.isEmpty()) {
            finish();
        }
    }

    Dispatch.Entry entry(int position) {
        return entries.get(position);
    }

    int size() {
        return entries.size();
    }

    JobResult slot(int position) {
        return slots.get(position);
    }

    boolean isTerminal(int position) {
        return slots.get(position).isDone();
    }

    /**
     * Applies a change to a job that is not terminal yet.
     *
     * @return the new result, or {@code null} if the job was already terminal (the change is dropped)
     */
    JobResult update(int position, UnaryOperator<JobResult> change) {
        JobResult before;
        JobResult after;
        do {
            before = slots.get(position);
            if (before.isDone()) {
                return null;
            }
            after = change.apply(before);
        } while (!slots.compareAndSet(position, before, after));
        if (after.state() != before.state()) {
            transitionSink.accept(after);
        }
        for (RunListener l : listeners) {
            try {
                l.jobUpdated(after);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed on a job update: {}", e.toString());
            }
        }
        if (after.isDone()) {
            cancelHooks.set(position, null);
            if (remaining.decrementAndGet() == 0) {
                finish();
            }
        }
        return after;
    }

    void setCancelHook(int position, Runnable hook) {
        cancelHooks.set(position, hook);
    }

    private void finish() {
        if (merger != null) {
            merged = merger.apply(this);
        }
        completion.complete(this);
        for (RunListener l : listeners) {
            notifyCompleted(l);
        }
    }

    private void notifyCompleted(RunListener l) {
        try {
            l.completed(this);
        } catch (RuntimeException e) {
            LOG.warn("a run listener failed on completion: {}", e.toString());
        }
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public Map<String, Map<String, List<JobResult>>> results() {
        Map<String, Map<String, List<JobResult>>> out = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Dispatch.Entry e = entries.get(i);
            out.computeIfAbsent(e.provider(), k -> new LinkedHashMap<>()).computeIfAbsent(e.backend(), k -> new ArrayList<>())
                    .add(slots.get(i));
        }
        out.replaceAll((p, backends) -> {
            backends.replaceAll((b, list) -> List.copyOf(list));
            return java.util.Collections.unmodifiableMap(backends);
        });
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public List<JobResult> jobs() {
        List<JobResult> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            out.add(slots.get(i));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    @Override
    public Optional<JobResult> job(String jobId) {
        Integer p = positions.get(jobId);
        return p == null ? Optional.empty() : Optional.of(slots.get(p));
    }

    @Override
    public List<JobResult> forCircuit(int circuitIndex) {
        return jobs().stream().filter(r -> r.circuitIndex() == circuitIndex).toList();
    }

    @Override
    public Map<Integer, List<JobResult>> byCircuit() {
        Map<Integer, List<JobResult>> out = new TreeMap<>();
        for (JobResult r : jobs()) {
            out.computeIfAbsent(r.circuitIndex(), k -> new ArrayList<>()).add(r);
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public Map<JobState, Integer> stateCounts() {
        Map<JobState, Integer> out = new EnumMap<>(JobState.class);
        for (int i = 0; i < entries.size(); i++) {
            out.merge(slots.get(i).state(), 1, Integer::sum);
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    @Override
    public boolean isComplete() {
        return completion.isDone();
    }

    @Override
    public boolean await(Duration timeout) throws InterruptedException {
        if (timeout.isZero() || timeout.isNegative()) {
            return isComplete();
        }
        try {
            completion.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the run failed to complete", e.getCause());
        }
    }

    @Override
    public CompletableFuture<ResultCollector> completion() {
        return completion.copy();
    }

    @Override
    public Optional<MergedResult> merged() {
        return isComplete() ? Optional.ofNullable(merged) : Optional.empty();
    }

    @Override
    public void addListener(RunListener listener) {
        listeners.add(listener);
        if (isComplete()) {
            notifyCompleted(listener);
        }
    }

    @Override
    public boolean cancel(String jobId) {
        Integer p = positions.get(jobId);
        if (p == null) {
            throw new IllegalArgumentException("run " + runId + " has no job '" + jobId + "'");
        }
        return cancel(p);
    }

    /**
     * Cancels at the provider first, then records the job cancelled: the run completes only after every
     * cancellation was sent, so whoever waits for it (and then closes the providers) cannot cut one short.
     */
    private boolean cancel(int position) {
        if (slots.get(position).isDone()) {
            return false;
        }
        Runnable hook = cancelHooks.get(position);
        if (hook != null) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("cancelling job {} at its provider failed: {}", jobId(position), e.toString());
            }
        }
        JobResult r = update(position, j -> j.failed(JobError.of(JobError.Kind.CANCELLED, "cancelled on request"))
                .withTimings(new io.qexec.result.JobTimings(j.timings().submitted(), j.timings().started(),
                        java.time.Instant.now())));
        return r != null || slots.get(position).state() == io.qexec.result.JobState.CANCELLED;
    }

    private String jobId(int position) {
        return entries.get(position).job().id();
    }

    @Override
    public int cancelAll() {
        int n = 0;
        for (int i = 0; i < entries.size(); i++) {
            if (cancel(i)) {
                n++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "ResultCollector[run=" + runId + ", jobs=" + entries.size() + ", states=" + stateCounts() + ", complete="
                + isComplete() + "]";
    }
}
