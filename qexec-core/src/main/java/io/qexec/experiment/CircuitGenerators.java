package io.qexec.experiment;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Named circuit families an experiment can ask for instead of a file: {@code ghz}, {@code qft} and
 * {@code random}. Every generated circuit measures all its qubits into a classical register {@code c} of the
 * same width.
 */
public final class CircuitGenerators {
    /** The generator names accepted in an experiment file. */
    public static final List<String> NAMES = List.of("ghz", "qft", "random");

    private CircuitGenerators() {
    }

    /**
     * The GHZ state preparation on {@code n} qubits: H on qubit 0, then a CX chain; ideal outcomes are all zeros
     * and all ones with probability 1/2 each.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static Circuit ghz(int n) {
        requireQubits("ghz", n);
        CircuitBuilder b = Circuit.builder(n).name("ghz_" + n).h(0);
        for (int q = 0; q + 1 < n; q++) {
            b.cx(q, q + 1);
        }
        return b.measureAll().build();
    }

    /**
     * The quantum Fourier transform on {@code n} qubits applied to the basis state {@code |1⟩} (qubit 0 set), then
     * measured: H and controlled phases with the final swaps, so the ideal distribution is uniform and every
     * noise channel shows as a departure from it.
     *
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static Circuit qft(int n) {
        requireQubits("qft", n);
        CircuitBuilder b = Circuit.builder(n).name("qft_" + n).x(0);
        for (int target = n - 1; target >= 0; target--) {
            b.h(target);
            for (int control = target - 1; control >= 0; control--) {
                b.cp(Math.PI / (1L << (target - control)), control, target);
            }
        }
        for (int q = 0; q < n / 2; q++) {
            b.swap(q, n - 1 - q);
        }
        return b.measureAll().build();
    }

    /**
     * A random circuit: {@code depth} layers, each a random one-qubit gate on every qubit (from H, X, S, T, SX,
     * RX and RY with random angles) followed by CX gates on a random pairing of the qubits. The same seed gives
     * the same circuit.
     *
     * @throws IllegalArgumentException if {@code qubits < 1} or {@code depth < 1}
     */
    public static Circuit random(int qubits, int depth, long seed) {
        requireQubits("random", qubits);
        if (depth < 1) {
            throw new IllegalArgumentException("random: depth must be at least 1, got " + depth);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        CircuitBuilder b = Circuit.builder(qubits).name("random_" + qubits + "x" + depth + "_s" + seed);
        int[] order = new int[qubits];
        for (int layer = 0; layer < depth; layer++) {
            for (int q = 0; q < qubits; q++) {
                switch (rng.nextInt(7)) {
                    case 0 -> b.h(q);
                    case 1 -> b.x(q);
                    case 2 -> b.s(q);
                    case 3 -> b.t(q);
                    case 4 -> b.sx(q);
                    case 5 -> b.rx(rng.nextDouble(2 * Math.PI), q);
                    default -> b.ry(rng.nextDouble(2 * Math.PI), q);
                }
            }
            for (int i = 0; i < qubits; i++) {
                order[i] = i;
            }
            for (int i = qubits - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i = 0; i + 1 < qubits; i += 2) {
                b.cx(order[i], order[i + 1]);
            }
        }
        return b.measureAll().build();
    }

    private static void requireQubits(String generator, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(generator + ": the number of qubits must be at least 1, got " + n);
        }
    }
}
