package io.qexec.examples;

import io.qexec.circuit.Circuit;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.provider.Backend;
import io.qexec.result.ResultCollector;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scenario 1, automated benchmarking: the same circuits on every online backend of the embedded provider,
 * with the {@code multiplier} split (every backend runs all the shots), in one blocking parallel run.
 *
 * <p>Run it with {@code ./qexec example AllBackendsBenchmark}, or from an IDE.
 */
public final class AllBackendsBenchmark {
    private AllBackendsBenchmark() {
    }

    /** The circuits benchmarked: a Bell pair and a three-qubit GHZ state. */
    public static List<Circuit> circuits() {
        Circuit bell = Circuit.builder(2, 2).name("bell").h(0).cx(0, 1).measure(0, 0).measure(1, 1).build();
        Circuit ghz = Circuit.builder(3, 3).name("ghz3").h(0).cx(0, 1).cx(1, 2).measureAll().build();
        return List.of(bell, ghz);
    }

    /** Every online backend of the {@code local} provider, as the executor's backend map. */
    public static Map<String, List<String>> localBackends(QuantumExecutor qe) {
        Map<String, Backend> online = qe.virtualProvider().backends(true).getOrDefault("local", Map.of());
        Map<String, List<String>> targets = new LinkedHashMap<>();
        targets.put("local", new ArrayList<>(online.keySet()));
        return targets;
    }

    /** Runs the benchmark: every circuit, {@code shots} shots, on every online local backend. */
    public static ResultCollector run(QuantumExecutor qe, int shots) {
        return qe.runExperiment(circuits(), shots, localBackends(qe), "multiplier", Map.of("options", Map.of("seed", 2024)),
                RunOptions.defaults().merge("aggregate"));
    }

    /** Prints the per-backend table. */
    public static void main(String[] args) {
        try (QuantumExecutor qe = QuantumExecutor.builder().build()) {
            ResultCollector run = run(qe, 1000);
            System.out.print(run.table().toConsole());
            System.out.println("states: " + run.stateCounts());
        }
    }
}
