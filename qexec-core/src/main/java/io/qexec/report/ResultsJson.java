package io.qexec.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qexec.result.JobResult;
import io.qexec.result.JobTimings;
import io.qexec.result.MergedResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a run (format version 1, documented in {@code docs/cli.md}):
 *
 * <pre>
 * {"format": "qexec-results/1", "experiment", "source", "run_id", "started", "elapsed_ms",
 *  "states": {"COMPLETED": n, ...}, "circuits": [{"index", "name", "qubits", "origin"}],
 *  "results": {provider: {backend: [{"circuit", "circuit_index", "job_id", "provider_job_id", "status", "shots",
 *                                     "counts", "timings", "error", "metadata"}]}},
 *  "merged": {"policy", "value", "error"}}
 * </pre>
 *
 * Counts are keyed in Qiskit bit order (classical bit 0 rightmost). {@code merged} is present only when the
 * experiment has a merge policy.
 */
public final class ResultsJson {
    /** The value of the {@code format} field. */
    public static final String FORMAT = "qexec-results/1";

    private ResultsJson() {
    }

    /** The run as indented JSON text. */
    public static String write(RunSummary run) {
        try {
            return new ObjectMapper().findAndRegisterModules().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS).writeValueAsString(tree(run));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the results as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The run as nested maps and lists, as written by {@link #write(RunSummary)}. */
    public static Map<String, Object> tree(RunSummary run) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("format", FORMAT);
        root.put("experiment", run.experiment());
        root.put("source", run.source());
        root.put("run_id", run.runId());
        root.put("started", String.valueOf(run.started()));
        root.put("elapsed_ms", run.elapsed().toMillis());
        Map<String, Integer> states = new LinkedHashMap<>();
        run.stateCounts().forEach((s, n) -> states.put(s.name(), n));
        root.put("states", states);
        List<Map<String, Object>> circuits = new ArrayList<>();
        for (RunSummary.CircuitInfo c : run.circuits()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("index", c.index());
            m.put("name", c.name());
            m.put("qubits", c.qubits());
            m.put("origin", c.origin());
            circuits.add(m);
        }
        root.put("circuits", circuits);
        Map<String, Map<String, List<Map<String, Object>>>> results = new LinkedHashMap<>();
        for (JobResult j : run.jobs()) {
            results.computeIfAbsent(j.provider(), k -> new LinkedHashMap<>()).computeIfAbsent(j.backend(), k -> new ArrayList<>())
                    .add(job(run, j));
        }
        root.put("results", results);
        run.merged().ifPresent(m -> root.put("merged", merged(m)));
        return root;
    }

    private static Map<String, Object> job(RunSummary run, JobResult j) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("circuit", run.circuitName(j.circuitIndex()));
        m.put("circuit_index", j.circuitIndex());
        m.put("job_id", j.jobId());
        m.put("provider_job_id", j.providerJobId());
        m.put("status", j.state().name());
        m.put("shots", j.shots());
        m.put("counts", j.counts());
        JobTimings t = j.timings();
        Map<String, Object> timings = new LinkedHashMap<>();
        timings.put("submitted", text(t.submitted()));
        timings.put("started", text(t.started()));
        timings.put("finished", text(t.finished()));
        timings.put("run_ms", RunSummary.runTime(j).map(d -> (Object) (d.toNanos() / 1e6)).orElse(null));
        m.put("timings", timings);
        m.put("error", j.failure().map(e -> {
            Map<String, Object> err = new LinkedHashMap<>();
            err.put("kind", e.kind().name());
            err.put("message", e.message());
            err.put("provider_detail", e.providerDetail());
            return (Object) err;
        }).orElse(null));
        m.put("metadata", j.metadata());
        if (!j.memory().isEmpty()) {
            m.put("memory", j.memory());
        }
        return m;
    }

    private static Map<String, Object> merged(MergedResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", r.policy());
        m.put("value", r.value());
        m.put("error", r.failure().map(e -> (Object) e.toString()).orElse(null));
        m.put("data", r.finalData());
        return m;
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
