package io.qexec.examples;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import io.qexec.executor.QuantumExecutor;
import io.qexec.executor.RunOptions;
import io.qexec.policy.MergeOutcome;
import io.qexec.policy.MergePolicy;
import io.qexec.result.JobResult;
import io.qexec.result.Metrics;
import io.qexec.result.ResultCollector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Scenario 2, hybrid validation: one circuit on the ideal simulator and on noisy device models, merged by a
 * user-defined policy registered at run time that measures each backend's total variation distance from the
 * circuit's exact output distribution (given as merge data). The ideal simulator lands within shot noise of
 * zero; the noisy models clearly above it.
 */
public final class NoisyDeviceValidation {
    private NoisyDeviceValidation() {
    }

    /** The noisy device models compared with the ideal simulator. */
    public static final List<String> DEVICES = List.of("fake_aria", "fake_forte", "fake_h1");

    /**
     * A four-qubit GHZ state behind {@code layers} layers of CX pairs that cancel: ideally 50% {@code 0000} and
     * 50% {@code 1111}, but every gate adds its device's noise.
     */
    public static Circuit circuit(int layers) {
        CircuitBuilder b = Circuit.builder(4, 4).name("ghz4_deep").h(0).cx(0, 1).cx(1, 2).cx(2, 3);
        for (int i = 0; i < layers; i++) {
            b.cx(0, 1).cx(0, 1).cx(2, 3).cx(2, 3);
        }
        return b.measureAll().build();
    }

    /** The user-defined merge: per backend, the TVD between its counts and {@code expected} from the merge data. */
    public static MergePolicy tvdFromExpected() {
        return request -> {
            @SuppressWarnings("unchecked")
            Map<String, Number> expected = (Map<String, Number>) request.data().get("expected");
            Map<String, Double> distances = new LinkedHashMap<>();
            for (JobResult r : request.jobs()) {
                if (r.isSuccess()) {
                    distances.put(r.provider() + "/" + r.backend(), Metrics.totalVariationDistance(r.counts(), expected));
                }
            }
            return new MergeOutcome(distances, request.data());
        };
    }

    /** Runs the validation and returns the collector; the merged value maps {@code provider/backend} to TVD. */
    public static ResultCollector run(QuantumExecutor qe, int shots) {
        qe.policies().registerMerge("tvd_from_expected", tvdFromExpected());
        List<String> backends = new java.util.ArrayList<>(List.of("statevector"));
        backends.addAll(DEVICES);
        Map<String, Object> expected = new TreeMap<>(Map.of("0000", 0.5, "1111", 0.5));
        return qe.runExperiment(circuit(30), shots, Map.of("local", backends), "multiplier",
                Map.of("options", Map.of("seed", 7)), RunOptions.defaults().merge("tvd_from_expected", Map.of("expected", expected)));
    }

    /** Prints each backend's distance from the ideal distribution. */
    public static void main(String[] args) {
        try (QuantumExecutor qe = QuantumExecutor.builder().build()) {
            ResultCollector run = run(qe, 4000);
            run.merged().orElseThrow().value(Map.class).forEach((backend, tvd) -> System.out.printf("%-20s TVD %.4f%n", backend, tvd));
        }
    }
}
