package io.qexec.report;

import io.qexec.experiment.Experiment;
import io.qexec.result.JobResult;
import io.qexec.result.JobState;
import io.qexec.result.MergedResult;
import io.qexec.result.ResultCollector;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one run of an experiment, everything the renderers ({@link ResultsJson}, {@link ResultsConsole},
 * {@link HtmlReport}) need: the experiment's facts, every job's result and the merged result.
 *
 * @param experiment the experiment's name
 * @param source the experiment file as given (may be empty)
 * @param runId the run's id
 * @param circuits the circuits' names and widths, by circuit index
 * @param settings facts about the run for a person (split, merge, shots, seed, execution), in display order
 * @param started when the run started
 * @param elapsed how long it took (so far)
 * @param jobs every job's result, in dispatch order
 * @param merged the merge's outcome, when a merge policy was given and it has run
 */
public record RunSummary(String experiment, String source, String runId, List<CircuitInfo> circuits,
                         Map<String, String> settings, Instant started, Duration elapsed, List<JobResult> jobs,
                         Optional<MergedResult> merged) {

    /**
     * A circuit of the run.
     *
     * @param index its circuit index
     * @param name its name
     * @param qubits its width
     * @param origin where it came from ({@code bell.qasm}, {@code ghz: 5}, ...)
     */
    public record CircuitInfo(int index, String name, int qubits, String origin) {
    }

    public RunSummary {
        Objects.requireNonNull(experiment, "experiment");
        source = source == null ? "" : source;
        runId = runId == null ? "" : runId;
        circuits = List.copyOf(circuits);
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        jobs = List.copyOf(jobs);
        merged = merged == null ? Optional.empty() : merged;
    }

    /** The snapshot of a run of {@code experiment} as {@code collector} shows it now. */
    public static RunSummary of(Experiment experiment, ResultCollector collector, Instant started, Duration elapsed) {
        List<CircuitInfo> circuits = new java.util.ArrayList<>();
        for (int i = 0; i < experiment.circuits().size(); i++) {
            var c = experiment.circuits().get(i);
            circuits.add(new CircuitInfo(i, c.name(), c.circuit().numQubits(), c.origin()));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        List<JobResult> jobs = collector.jobs();
        long shots = jobs.stream().mapToLong(JobResult::shots).sum();
        settings.put("circuits", Integer.toString(circuits.size()));
        settings.put("backends", Long.toString(jobs.stream().map(j -> j.provider() + "/" + j.backend()).distinct().count()));
        settings.put("jobs", Integer.toString(jobs.size()));
        settings.put("shots", Long.toString(shots));
        settings.put("split", experiment.dispatch().isPresent() ? "explicit dispatch" : experiment.split().name());
        settings.put("merge", experiment.merge().map(m -> m.name()).orElse("none"));
        settings.put("execution", experiment.parallel() ? "parallel" : "sequential");
        settings.put("seed", experiment.seed().map(String::valueOf).orElse("none"));
        return new RunSummary(experiment.name(), experiment.source().map(Object::toString).orElse(""), collector.runId(),
                circuits, settings, started, elapsed, jobs, collector.merged());
    }

    /**
     * The snapshot of a recorded run, finished or not, as a run journal holds it: the circuits come from the
     * recorded dispatch, and {@code jobs} are the recorded results (unfinished jobs with their last state).
     *
     * @param name the run's readable name
     * @param run the recorded run
     * @param jobs every job's result so far, in dispatch order
     * @param now the time the snapshot is taken, for an unfinished run's elapsed time
     */
    public static RunSummary ofRecorded(String name, io.qexec.store.StoredRun run, List<JobResult> jobs, Instant now) {
        java.util.SortedMap<Integer, CircuitInfo> byIndex = new java.util.TreeMap<>();
        for (var e : run.run().dispatch()) {
            var c = e.job().circuit();
            int i = e.job().circuitIndex();
            byIndex.putIfAbsent(i, new CircuitInfo(i, c.name().isEmpty() ? "circuit " + i : c.name(), c.numQubits(),
                    "recorded"));
        }
        List<CircuitInfo> circuits = new java.util.ArrayList<>();
        for (int i = 0; i <= (byIndex.isEmpty() ? -1 : byIndex.lastKey()); i++) {
            final int index = i;
            circuits.add(byIndex.getOrDefault(i, new CircuitInfo(i, Integer.toString(index), 0, "")));
        }
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("circuits", Integer.toString(byIndex.size()));
        settings.put("backends", Long.toString(jobs.stream().map(j -> j.provider() + "/" + j.backend()).distinct().count()));
        settings.put("jobs", Integer.toString(jobs.size()));
        settings.put("shots", Long.toString(jobs.stream().mapToLong(JobResult::shots).sum()));
        settings.put("merge", run.run().mergePolicy().isEmpty() ? "none" : run.run().mergePolicy());
        settings.put("execution", Boolean.FALSE.equals(run.run().options().get("parallel")) ? "sequential" : "parallel");
        settings.put("done", jobs.stream().filter(JobResult::isDone).count() + " of " + jobs.size() + " jobs");
        Instant end = jobs.stream().allMatch(JobResult::isDone) ? jobs.stream()
                .map(j -> j.timings().finished()).filter(Objects::nonNull).max(Instant::compareTo).orElse(now) : now;
        Instant started = run.run().startedAt();
        Duration elapsed = end.isBefore(started) ? Duration.ZERO : Duration.between(started, end);
        return new RunSummary(name, "", run.run().runId(), circuits, settings, started, elapsed, jobs,
                Optional.ofNullable(run.merged()));
    }

    /** How many jobs are in each state (every state listed, in enum order). */
    public Map<JobState, Integer> stateCounts() {
        Map<JobState, Integer> out = new EnumMap<>(JobState.class);
        for (JobState s : JobState.values()) {
            out.put(s, 0);
        }
        jobs.forEach(j -> out.merge(j.state(), 1, Integer::sum));
        return out;
    }

    /** Whether any job failed or was cancelled, or the merge failed. */
    public boolean hasFailures() {
        return jobs.stream().anyMatch(j -> j.state() == JobState.FAILED || j.state() == JobState.CANCELLED)
                || merged.map(m -> !m.isSuccess()).orElse(false);
    }

    /**
     * How long a job ran: from its start to its end when the provider reported a start, else from its submission
     * to its end; empty while it has not ended.
     */
    public static Optional<Duration> runTime(JobResult job) {
        var t = job.timings();
        if (t.finished() == null) {
            return Optional.empty();
        }
        Instant from = t.started() != null ? t.started() : t.submitted();
        return from == null ? Optional.empty() : Optional.of(Duration.between(from, t.finished()));
    }

    /** The name of the circuit with this index, or the index as text. */
    public String circuitName(int index) {
        return index >= 0 && index < circuits.size() ? circuits.get(index).name() : Integer.toString(index);
    }
}
