package io.qexec.experiment;

import io.qexec.dispatch.Dispatch;
import io.qexec.dispatch.Job;
import io.qexec.executor.GeneratedDispatch;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.policy.PolicyRegistry;
import io.qexec.provider.VirtualProvider;
import io.qexec.result.ResultCollector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A declarative experiment: circuits, shots, target backends, how to split the shots and how to merge the
 * results, read from a YAML or JSON file (see {@code docs/experiment-file.md} and the JSON Schema
 * {@code /io/qexec/experiment/experiment.schema.json}) and checked against the providers and policies before
 * anything runs.
 *
 * <pre>{@code
 * try (QuantumExecutor qe = QuantumExecutor.builder().build()) {
 *     Experiment e = Experiment.read(Path.of("bench.yaml"), qe.virtualProvider(), qe.policies());
 *     ResultCollector run = e.start(qe);
 *     run.completion().join();
 * }
 * }</pre>
 *
 * @param name the experiment's name
 * @param source the file it was read from; empty when parsed from text
 * @param circuits the circuits, in order (their index is the circuit index of their jobs)
 * @param shots one shot count for every circuit, or one per circuit
 * @param backends target backends, provider → names (empty with an explicit dispatch)
 * @param backendOptions per-job options per target, keyed {@code provider/backend}
 * @param split the split policy (unused with an explicit dispatch)
 * @param merge the merge policy, if any
 * @param parallel whether jobs run concurrently
 * @param seed the experiment's seed: backends with a {@code seed} option get {@code seed + job position}, and
 *     the split policy gets it as data {@code seed} unless its data has one
 * @param output where results go
 * @param dispatch the explicit dispatch, when the file gives one instead of a split
 */
public record Experiment(String name, Optional<Path> source, List<ExperimentCircuit> circuits, List<Integer> shots,
                         Map<String, List<String>> backends, Map<String, Map<String, Object>> backendOptions,
                         PolicyChoice split, Optional<PolicyChoice> merge, boolean parallel, Optional<Long> seed,
                         OutputSettings output, Optional<Dispatch> dispatch) {

    public Experiment {
        Objects.requireNonNull(name, "name");
        source = source == null ? Optional.empty() : source;
        circuits = List.copyOf(circuits);
        shots = List.copyOf(shots);
        Map<String, List<String>> b = new LinkedHashMap<>();
        backends.forEach((p, names) -> b.put(p, List.copyOf(names)));
        backends = Collections.unmodifiableMap(b);
        Map<String, Map<String, Object>> o = new LinkedHashMap<>();
        backendOptions.forEach((k, v) -> o.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
        backendOptions = Collections.unmodifiableMap(o);
        Objects.requireNonNull(split, "split");
        merge = merge == null ? Optional.empty() : merge;
        seed = seed == null ? Optional.empty() : seed;
        output = output == null ? OutputSettings.DEFAULT : output;
        dispatch = dispatch == null ? Optional.empty() : dispatch;
    }

    /**
     * Reads and checks an experiment file ({@code .yaml}, {@code .yml} or {@code .json}). Relative circuit and
     * policy paths are resolved against the file's directory; policy files are compiled and registered in
     * {@code policies}.
     *
     * @throws InvalidExperimentException listing every problem with the path of its field
     */
    public static Experiment read(Path file, VirtualProvider providers, PolicyRegistry policies) {
        return new ExperimentReader(providers, policies).read(file);
    }

    /**
     * Parses and checks an experiment given as YAML or JSON text.
     *
     * @param baseDirectory the directory relative paths are resolved against
     * @throws InvalidExperimentException listing every problem with the path of its field
     */
    public static Experiment parse(String text, Path baseDirectory, VirtualProvider providers, PolicyRegistry policies) {
        return new ExperimentReader(providers, policies).parse(text, "", baseDirectory);
    }

    /** This experiment with another seed. */
    public Experiment withSeed(long newSeed) {
        return new Experiment(name, source, circuits, shots, backends, backendOptions, split, merge, parallel,
                Optional.of(newSeed), output, dispatch);
    }

    /**
     * The experiment's dispatch: the explicit one, or the split policy's, with the per-backend options and the
     * seeds applied to every job.
     */
    public GeneratedDispatch plan(QuantumExecutor executor) {
        if (dispatch.isPresent()) {
            return new GeneratedDispatch(withSeeds(dispatch.get(), executor.virtualProvider()), split.data());
        }
        Map<String, Object> data = new LinkedHashMap<>(split.data());
        seed.ifPresent(s -> data.putIfAbsent("seed", s));
        GeneratedDispatch g = executor.generateDispatch(circuits.stream().map(ExperimentCircuit::circuit).toList(), shots,
                backends, split.name(), data);
        return new GeneratedDispatch(withSeeds(withBackendOptions(g.dispatch()), executor.virtualProvider()), g.splitData());
    }

    /** How to run the plan: parallel or sequential, non-blocking, with the merge and its data (else the split's output). */
    public RunOptions runOptions(Map<String, Object> splitOutput) {
        RunOptions options = RunOptions.defaults().parallel(parallel).nonBlocking();
        if (merge.isPresent()) {
            PolicyChoice m = merge.get();
            Map<String, Object> data = new LinkedHashMap<>(splitOutput);
            data.putAll(m.data());
            options = options.merge(m.name(), data);
        }
        return options;
    }

    /** Plans the experiment and starts it on the executor; returns the live collector at once. */
    public ResultCollector start(QuantumExecutor executor) {
        GeneratedDispatch g = plan(executor);
        return executor.runDispatch(g.dispatch(), runOptions(g.splitData()));
    }

    /** The name of the circuit with this index, or its index as text. */
    public String circuitName(int index) {
        return index >= 0 && index < circuits.size() ? circuits.get(index).name() : Integer.toString(index);
    }

    private Dispatch withBackendOptions(Dispatch d) {
        if (backendOptions.isEmpty()) {
            return d;
        }
        Dispatch.Builder b = Dispatch.builder();
        for (Dispatch.Entry e : d) {
            Map<String, Object> extra = backendOptions.get(e.provider() + "/" + e.backend());
            Job job = e.job();
            if (extra != null && !extra.isEmpty()) {
                Map<String, Object> options = new LinkedHashMap<>(extra);
                options.putAll(job.options());
                job = new Job(job.id(), job.circuitIndex(), job.circuit(), job.shots(), options);
            }
            b.add(e.provider(), e.backend(), job);
        }
        return b.build();
    }

    private Dispatch withSeeds(Dispatch d, VirtualProvider providers) {
        if (seed.isEmpty()) {
            return d;
        }
        Dispatch.Builder b = Dispatch.builder();
        List<Dispatch.Entry> entries = new ArrayList<>(d.entries());
        for (int i = 0; i < entries.size(); i++) {
            Dispatch.Entry e = entries.get(i);
            Job job = e.job();
            boolean accepts = providers.provider(e.provider()).flatMap(p -> p.backend(e.backend()))
                    .flatMap(be -> be.option("seed")).isPresent();
            if (accepts && !job.options().containsKey("seed")) {
                Map<String, Object> options = new LinkedHashMap<>(job.options());
                options.put("seed", seed.get() + i);
                job = new Job(job.id(), job.circuitIndex(), job.circuit(), job.shots(), options);
            }
            b.add(e.provider(), e.backend(), job);
        }
        return b.build();
    }
}
