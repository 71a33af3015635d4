package io.qexec.sim.statevector;

/** Probabilities, marginals and projective measurement on a {@link State}, in logical qubit order. */
final class Measurements {
    private Measurements() {
    }

    /** Squared norm of the state. */
    static double norm(State s, Engine engine) {
        int len = s.re.length;
        double[] partial = new double[engine.parts(len)];
        engine.forEachRange(len, (part, from, to) -> {
            double sum = 0;
            for (int i = from; i < to; i++) {
                sum += s.re[i] * s.re[i] + s.im[i] * s.im[i];
            }
            partial[part] = sum;
        });
        double t = 0;
        for (double p : partial) {
            t += p;
        }
        return t;
    }

    /**
     * The distribution over the listed logical qubits: entry {@code x} is the probability that
     * qubit {@code qubits[j]} reads bit {@code j} of {@code x} for every {@code j}.
     */
    static double[] marginal(State s, int[] qubits, Engine engine) {
        Marginal m = marginalInStateOrder(s, qubits, engine);
        if (m.order() == null) {
            return m.distribution();
        }
        double[] out = new double[m.distribution().length];
        for (int x = 0; x < out.length; x++) {
            out[m.order().apply(x)] = m.distribution()[x];
        }
        return out;
    }

    /**
     * A distribution over measured qubits in the order the state holds them, and the permutation to the requested
     * order: outcome {@code x} of {@link #distribution()} is outcome {@code order.apply(x)} of
     * {@link #marginal}. Samplers draw in the state's order and rename only what they drew, which spares a
     * scattered pass over a large distribution when swaps were applied by renaming qubits.
     *
     * @param distribution the probabilities, in the state's order
     * @param order the permutation to the requested order; null when the orders agree
     */
    record Marginal(double[] distribution, BitPermutation order) {
        /** Outcome {@code x} of the distribution in the requested order. */
        int requested(int x) {
            return order == null ? x : order.apply(x);
        }
    }

    /** The distribution over the listed logical qubits in the state's order ({@link Marginal}). */
    static Marginal marginalInStateOrder(State s, int[] qubits, Engine engine) {
        int m = qubits.length;
        int mask = 0;
        int[] phys = new int[m];
        for (int j = 0; j < m; j++) {
            phys[j] = s.layout[qubits[j]];
            if ((mask & (1 << phys[j])) != 0) {
                throw new IllegalArgumentException("qubit " + qubits[j] + " is listed twice");
            }
            mask |= 1 << phys[j];
        }
        // compress() yields bits in ascending physical order
        int[] sorted = DiagonalTable.maskToQubits(mask);
        int[] posInSorted = new int[m];
        for (int j = 0; j < m; j++) {
            posInSorted[j] = java.util.Arrays.binarySearch(sorted, phys[j]);
        }
        BitPermutation order = java.util.Arrays.equals(sorted, phys) ? null : new BitPermutation(posInSorted);
        int len = s.re.length;
        if (mask == len - 1) {
            // every qubit: each amplitude is one outcome
            double[] out = new double[len];
            engine.forEachRange(len, (part, from, to) -> {
                for (int i = from; i < to; i++) {
                    out[i] = s.re[i] * s.re[i] + s.im[i] * s.im[i];
                }
            });
            return new Marginal(out, order);
        }
        // one accumulator of 2^m entries per range: keep to one range per thread
        int parts = engine.parts(len, true);
        double[][] partial = new double[parts][];
        final int fmask = mask;
        engine.forEachRange(len, true, (part, from, to) -> {
            double[] acc = new double[1 << m];
            for (int i = from; i < to; i++) {
                acc[Integer.compress(i, fmask)] += s.re[i] * s.re[i] + s.im[i] * s.im[i];
            }
            partial[part] = acc;
        });
        double[] sum = null;
        for (double[] p : partial) {
            if (p == null) {
                continue;
            }
            if (sum == null) {
                sum = p;
            } else {
                for (int x = 0; x < sum.length; x++) {
                    sum[x] += p[x];
                }
            }
        }
        return new Marginal(sum, order);
    }

    /** Probability that logical qubit {@code q} reads 1. */
    static double probabilityOfOne(State s, int q, Engine engine) {
        int bit = 1 << s.layout[q];
        int half = s.re.length >>> 1;
        double[] partial = new double[engine.parts(half)];
        engine.forEachRange(half, (part, from, to) -> {
            double sum = 0;
            int k = from;
            while (k < to) {
                int end = Math.min(to, (k | (bit - 1)) + 1);
                int base = Integer.expand(k, ~bit) | bit;
                for (int a = base, stop = base + (end - k); a < stop; a++) {
                    sum += s.re[a] * s.re[a] + s.im[a] * s.im[a];
                }
                k = end;
            }
            partial[part] = sum;
        });
        double t = 0;
        for (double p : partial) {
            t += p;
        }
        return t;
    }

    /**
     * Projects logical qubit {@code q} onto {@code outcome}, which had probability {@code p}, and
     * renormalises.
     */
    static void collapse(State s, int q, int outcome, double p, Engine engine) {
        if (!(p > 0)) {
            throw new IllegalArgumentException("cannot collapse onto an outcome of probability " + p);
        }
        int bit = 1 << s.layout[q];
        double scale = 1 / Math.sqrt(p);
        int keep = outcome == 0 ? 0 : bit;
        int drop = bit ^ keep;
        int half = s.re.length >>> 1;
        engine.forEachRange(half, (part, from, to) -> {
            int k = from;
            while (k < to) {
                int end = Math.min(to, (k | (bit - 1)) + 1);
                int base = Integer.expand(k, ~bit);
                for (int j = 0, len = end - k; j < len; j++) {
                    int a = base + j + keep;
                    int b = base + j + drop;
                    s.re[a] *= scale;
                    s.im[a] *= scale;
                    s.re[b] = 0;
                    s.im[b] = 0;
                }
                k = end;
            }
        });
    }

    /** Exact probabilities of all basis states, indexed by logical basis state. */
    static double[] probabilities(State s, Engine engine) {
        return marginal(s, State.identity(s.n), engine);
    }
}
