package io.qexec.sim.statevector;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.CircuitBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The circuits the statevector benchmarks run. */
final class BenchCircuits {
    private BenchCircuits() {
    }

    /**
     * Textbook QFT on a basis state: x on even qubits, then for j = n-1..0 an h on j and cp(pi/2^(j-k))
     * from every k below j, then the reversing swaps. n + n(n-1)/2 + n/2 gates plus the x gates.
     */
    static Circuit qft(int n) {
        CircuitBuilder b = Circuit.builder(n).name("qft_" + n);
        for (int q = 0; q < n; q += 2) {
            b.x(q);
        }
        for (int j = n - 1; j >= 0; j--) {
            b.h(j);
            for (int k = 0; k < j; k++) {
                b.cp(Math.PI / Math.pow(2, j - k), k, j);
            }
        }
        for (int i = 0; i < n / 2; i++) {
            b.swap(i, n - 1 - i);
        }
        return b.build();
    }

    /**
     * A random brickwork circuit: {@code depth} layers, each a random U on every qubit followed by cx
     * on neighbouring pairs (even pairs in even layers, odd pairs in odd layers). Fixed seed.
     */
    static Circuit random(int n, int depth, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        CircuitBuilder b = Circuit.builder(n).name("random_" + n + "_d" + depth);
        for (int layer = 0; layer < depth; layer++) {
            for (int q = 0; q < n; q++) {
                b.u(rnd.nextDouble(0, Math.PI), rnd.nextDouble(0, 2 * Math.PI), rnd.nextDouble(0, 2 * Math.PI), q);
            }
            for (int q = layer % 2; q + 1 < n; q += 2) {
                b.cx(q, q + 1);
            }
        }
        return b.build();
    }

    static Circuit byName(String name, int n) {
        return switch (name) {
            case "qft" -> qft(n);
            case "random" -> random(n, 20, 42);
            default -> throw new IllegalArgumentException("unknown circuit " + name);
        };
    }

    /** The engine gates of a circuit without measurements. */
    static List<Gate> gates(Circuit c) {
        List<Gate> gates = new ArrayList<>();
        for (var i : c.instructions()) {
            CircuitTranslator.gates((io.qexec.circuit.GateOp) i, gates);
        }
        return gates;
    }

    /** Fills a state with a normalised non-trivial pattern so no amplitude is zero or denormal. */
    static void fill(State s) {
        double a = Math.pow(2, -s.n / 2.0) * Math.sqrt(0.5);
        java.util.Arrays.fill(s.re, a);
        java.util.Arrays.fill(s.im, a);
    }
}
