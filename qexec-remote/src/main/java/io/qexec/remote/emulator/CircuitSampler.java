package io.qexec.remote.emulator;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Matrix;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The exact outcome distribution of a circuit whose measurements are all terminal, and shots sampled from
 * it, as the emulators' simulated devices compute them. Keys follow {@link Bitstrings} over the circuit's
 * classical bits (or over all qubits when the circuit measures nothing).
 */
public final class CircuitSampler {
    /** The largest circuit the emulators simulate. */
    public static final int MAX_QUBITS = 20;

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
        double[] re = new double[1 << n];
        double[] im = new double[1 << n];
        re[0] = 1;
        int[] clbitOf = new int[n];
        java.util.Arrays.fill(clbitOf, -1);
        boolean measured = false;
        for (Instruction i : circuit.instructions()) {
            switch (i) {
                case GateOp op -> apply(op, re, im);
                case Measure m -> {
                    clbitOf[m.qubit()] = m.clbit();
                    measured = true;
                }
                case Barrier b -> {
                }
                case Reset r -> {
                }
                default -> throw new IllegalArgumentException("the emulator cannot run " + i.getClass().getSimpleName());
            }
        }
        Map<String, Double> out = new HashMap<>();
        for (int index = 0; index < re.length; index++) {
            double p = re[index] * re[index] + im[index] * im[index];
            if (p < 1e-14) {
                continue;
            }
            String key;
            if (measured) {
                BitSet bits = new BitSet();
                for (int q = 0; q < n; q++) {
                    if (clbitOf[q] >= 0 && (index >>> q & 1) == 1) {
                        bits.set(clbitOf[q]);
                    }
                }
                key = Bitstrings.format(circuit.classicalRegisters(), bits);
            } else {
                key = Bitstrings.format(index, n);
            }
            out.merge(key, p, Double::sum);
        }
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

    private static void apply(GateOp op, double[] re, double[] im) {
        List<Integer> qubits = op.qubits();
        int k = qubits.size();
        if (k == 0) {
            return;
        }
        Matrix m = op.matrix();
        int dim = 1 << k;
        double[] mr = m.realParts();
        double[] mi = m.imaginaryParts();
        int[] offsets = new int[dim];
        for (int local = 0; local < dim; local++) {
            int off = 0;
            for (int b = 0; b < k; b++) {
                if ((local >>> b & 1) == 1) {
                    off |= 1 << qubits.get(b);
                }
            }
            offsets[local] = off;
        }
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        double[] vr = new double[dim];
        double[] vi = new double[dim];
        for (int base = 0; base < re.length; base++) {
            if ((base & mask) != 0) {
                continue;
            }
            for (int a = 0; a < dim; a++) {
                vr[a] = re[base | offsets[a]];
                vi[a] = im[base | offsets[a]];
            }
            for (int row = 0; row < dim; row++) {
                double sr = 0;
                double si = 0;
                for (int col = 0; col < dim; col++) {
                    double ar = mr[row * dim + col];
                    double ai = mi[row * dim + col];
                    sr += ar * vr[col] - ai * vi[col];
                    si += ar * vi[col] + ai * vr[col];
                }
                re[base | offsets[row]] = sr;
                im[base | offsets[row]] = si;
            }
        }
    }
}
