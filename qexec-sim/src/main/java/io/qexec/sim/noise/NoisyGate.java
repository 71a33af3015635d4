package io.qexec.sim.noise;

import io.qexec.circuit.Matrix;
import io.qexec.sim.statevector.ShotState;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A gate and the channels after it on its qubits, prepared for trajectories. Per shot the channels' Kraus
 * operators are drawn first, on the reduced density matrix of the gate's qubits carried through the gate
 * and the earlier draws, and multiplied into the gate's matrix; the state then takes one pass (two when a
 * channel is not a mixture of unitaries and its probabilities need the reduced density matrix), where
 * applying gate and channels one by one would take up to three passes per channel.
 */
final class NoisyGate {
    private final int[] qubits;
    private final int d;
    private final double[] gateRe;
    private final double[] gateIm;
    private final Part[] parts;
    /** Index of the last part that needs the reduced density matrix; -1 if none. */
    private final int lastGeneral;

    /** One channel on (a subset of) the gate's qubits, its operators written on all the gate's qubits. */
    private record Part(double[] cumulative, boolean[] identity, double[][] opRe, double[][] opIm,
                        double[][] effectRe, double[][] effectIm) {
        boolean mixture() {
            return cumulative != null;
        }
    }

    /**
     * @param gate the gate's matrix on {@code qubits}, or null for none (channels alone)
     * @param qubits the qubits
     * @param channels channels whose qubits are all among {@code qubits}, in order
     */
    NoisyGate(Matrix gate, int[] qubits, List<NoisyCircuit.Channel> channels) {
        this.qubits = qubits.clone();
        this.d = 1 << qubits.length;
        Matrix g = gate == null ? Matrix.identity(d) : gate;
        this.gateRe = g.realParts();
        this.gateIm = g.imaginaryParts();
        this.parts = new Part[channels.size()];
        int last = -1;
        for (int k = 0; k < parts.length; k++) {
            NoisyCircuit.Channel c = channels.get(k);
            int[] positions = new int[c.qubits().size()];
            for (int j = 0; j < positions.length; j++) {
                positions[j] = indexOf(qubits, c.qubits().get(j));
            }
            KrausChannel ch = c.channel();
            List<Matrix> ops = ch.isUnitaryMixture() ? ch.mixtureUnitaries() : ch.operators();
            int count = ops.size();
            double[][] opRe = new double[count][];
            double[][] opIm = new double[count][];
            boolean[] identity = new boolean[count];
            for (int i = 0; i < count; i++) {
                Matrix full = embed(ops.get(i), positions, qubits.length);
                opRe[i] = full.realParts();
                opIm[i] = full.imaginaryParts();
                identity[i] = ch.isUnitaryMixture() && full.equalsUpToGlobalPhase(Matrix.identity(d), 1e-14);
            }
            if (ch.isUnitaryMixture()) {
                double[] p = ch.mixtureProbabilities();
                double[] cumulative = new double[count];
                double sum = 0;
                for (int i = 0; i < count; i++) {
                    sum += p[i];
                    cumulative[i] = sum;
                }
                parts[k] = new Part(cumulative, identity, opRe, opIm, null, null);
            } else {
                double[][] er = new double[count][];
                double[][] ei = new double[count][];
                for (int i = 0; i < count; i++) {
                    Matrix full = Matrix.of(opRe[i], opIm[i]);
                    Matrix e = full.adjoint().multiply(full);
                    er[i] = e.realParts();
                    ei[i] = e.imaginaryParts();
                }
                parts[k] = new Part(null, identity, opRe, opIm, er, ei);
                last = k;
            }
        }
        this.lastGeneral = last;
    }

    private static int indexOf(int[] qubits, int q) {
        for (int i = 0; i < qubits.length; i++) {
            if (qubits[i] == q) {
                return i;
            }
        }
        throw new IllegalArgumentException("qubit " + q + " is not among the gate's qubits");
    }

    /** Operator {@code k} on the qubits at {@code positions} of a {@code width}-qubit space (identity elsewhere). */
    static Matrix embed(Matrix k, int[] positions, int width) {
        int dim = 1 << width;
        int mask = 0;
        for (int p : positions) {
            mask |= 1 << p;
        }
        double[] re = new double[dim * dim];
        double[] im = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                if ((r & ~mask) != (c & ~mask)) {
                    continue;
                }
                int a = 0;
                int b = 0;
                for (int j = 0; j < positions.length; j++) {
                    a |= (r >> positions[j] & 1) << j;
                    b |= (c >> positions[j] & 1) << j;
                }
                re[r * dim + c] = k.re(a, b);
                im[r * dim + c] = k.im(a, b);
            }
        }
        return Matrix.of(re, im);
    }

    /** Draws this shot's Kraus operators and applies gate and operators to {@code psi} in one pass. */
    void apply(ShotState psi, RandomGenerator random) {
        double[] mr = gateRe.clone();
        double[] mi = gateIm.clone();
        double[] rr = null;
        double[] ri = null;
        if (lastGeneral >= 0) {
            double[][] rho = psi.reducedDensityMatrix(qubits);
            double[][] s = sandwich(gateRe, gateIm, rho[0], rho[1], 1);
            rr = s[0];
            ri = s[1];
        }
        for (int k = 0; k < parts.length; k++) {
            Part part = parts[k];
            int chosen;
            double scale = 1;
            if (part.mixture()) {
                double[] cum = part.cumulative();
                double u = random.nextDouble() * cum[cum.length - 1];
                chosen = 0;
                while (chosen < cum.length - 1 && u >= cum[chosen]) {
                    chosen++;
                }
                if (part.identity()[chosen]) {
                    continue;
                }
            } else {
                int count = part.opRe().length;
                double[] p = new double[count];
                double total = 0;
                for (int i = 0; i < count; i++) {
                    p[i] = Math.max(0, traceProduct(part.effectRe()[i], part.effectIm()[i], rr, ri));
                    total += p[i];
                }
                double u = random.nextDouble() * total;
                chosen = count - 1;
                double cum = 0;
                for (int i = 0; i < count; i++) {
                    cum += p[i];
                    if (u < cum) {
                        chosen = i;
                        break;
                    }
                }
                while (p[chosen] == 0 && chosen > 0) {
                    chosen--;
                }
                scale = 1 / p[chosen];
            }
            double[] or = part.opRe()[chosen];
            double[] oi = part.opIm()[chosen];
            double[][] m = multiply(or, oi, mr, mi);
            mr = m[0];
            mi = m[1];
            if (!part.mixture()) {
                double f = Math.sqrt(scale);
                for (int i = 0; i < mr.length; i++) {
                    mr[i] *= f;
                    mi[i] *= f;
                }
            }
            if (k < lastGeneral) {
                double[][] s = sandwich(or, oi, rr, ri, scale);
                rr = s[0];
                ri = s[1];
            }
        }
        psi.apply(mr, mi, qubits);
    }

    /** {@code Re Tr(E rho)}. */
    private double traceProduct(double[] er, double[] ei, double[] rr, double[] ri) {
        double s = 0;
        for (int a = 0; a < d; a++) {
            for (int b = 0; b < d; b++) {
                s += er[a * d + b] * rr[b * d + a] - ei[a * d + b] * ri[b * d + a];
            }
        }
        return s;
    }

    /** {@code A B}. */
    private double[][] multiply(double[] ar, double[] ai, double[] br, double[] bi) {
        double[] cr = new double[d * d];
        double[] ci = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int k = 0; k < d; k++) {
                double xr = ar[r * d + k];
                double xi = ai[r * d + k];
                if (xr == 0 && xi == 0) {
                    continue;
                }
                for (int c = 0; c < d; c++) {
                    cr[r * d + c] += xr * br[k * d + c] - xi * bi[k * d + c];
                    ci[r * d + c] += xr * bi[k * d + c] + xi * br[k * d + c];
                }
            }
        }
        return new double[][] {cr, ci};
    }

    /** {@code factor * A rho A†}. */
    private double[][] sandwich(double[] ar, double[] ai, double[] rr, double[] ri, double factor) {
        double[][] left = multiply(ar, ai, rr, ri);
        double[] adjRe = new double[d * d];
        double[] adjIm = new double[d * d];
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                adjRe[c * d + r] = ar[r * d + c];
                adjIm[c * d + r] = -ai[r * d + c];
            }
        }
        double[][] out = multiply(left[0], left[1], adjRe, adjIm);
        if (factor != 1) {
            for (int i = 0; i < out[0].length; i++) {
                out[0][i] *= factor;
                out[1][i] *= factor;
            }
        }
        return out;
    }
}
