package io.qexec.remote.emulator;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.statevector.StatevectorSimulator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact outcome distribution of a circuit whose measurements are all terminal, and shots sampled from
 * it, as the emulators' simulated devices compute them. Keys follow {@link io.qexec.circuit.Bitstrings} over the circuit's
 * classical bits (or over all qubits when the circuit measures nothing).
 */
public final class CircuitSampler {
    /** The largest circuit the emulators simulate. */
    public static final int MAX_QUBITS = 20;
    private static final Simulator SIMULATOR = new StatevectorSimulator();

    private CircuitSampler() {
    }

    /**
     * The outcome probabilities, zero entries omitted.
     *
     * @throws IllegalArgumentException when the circuit is dynamic, too large or has unbound parameters
     */
    public static Map<String, Double> probabilities(Circuit circuit) {
        int n = circuit.numQubits();
        if (n > MAX_QUBITS) {
            throw new IllegalArgumentException("the emulator simulates at most " + MAX_QUBITS + " qubits, the circuit has " + n);
        }
        if (circuit.isDynamic()) {
            throw new IllegalArgumentException("the emulator runs circuits whose measurements are all terminal");
        }
        Circuit measured = circuit;
        if (!circuit.hasMeasurements()) {
            List<Instruction> instructions = new ArrayList<>(circuit.instructions());
            for (int q = 0; q < n; q++) {
                instructions.add(new Measure(q, q));
            }
            measured = new Circuit(circuit.name(), circuit.quantumRegisters(), List.of(new ClassicalRegister("c", n)),
                    instructions, circuit.metadata());
        }
        SimulationResult r;
        try {
            r = SIMULATOR.run(measured, SimulationOptions.shots(1).withSeed(0).withThreads(1));
        } catch (SimulationException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        if (r.probabilities().isEmpty()) {
            throw new IllegalArgumentException("the simulator gave no exact probabilities for this circuit");
        }
        Map<String, Double> out = new HashMap<>();
        r.probabilities().forEach((k, p) -> {
            if (p >= 1e-14) {
                out.put(k, p);
            }
        });
        return out;
    }

    /** {@code shots} outcomes drawn from {@code probabilities} with a seeded source, as sorted counts. */
    public static SortedMap<String, Long> sample(Map<String, Double> probabilities, int shots, long seed) {
        List<Map.Entry<String, Double>> entries = new TreeMap<>(probabilities).entrySet().stream().toList();
        double[] cumulative = new double[entries.size()];
        double total = 0;
        for (int i = 0; i < cumulative.length; i++) {
            total += entries.get(i).getValue();
            cumulative[i] = total;
        }
        long[] counts = new long[entries.size()];
        Random random = new Random(seed);
        for (int s = 0; s < shots; s++) {
            double r = random.nextDouble() * total;
            int k = java.util.Arrays.binarySearch(cumulative, r);
            k = k >= 0 ? Math.min(k + 1, counts.length - 1) : Math.min(-k - 1, counts.length - 1);
            counts[k]++;
        }
        SortedMap<String, Long> out = new TreeMap<>();
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0) {
                out.put(entries.get(i).getKey(), counts[i]);
            }
        }
        return out;
    }

}
