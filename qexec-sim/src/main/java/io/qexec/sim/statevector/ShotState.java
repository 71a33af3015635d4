package io.qexec.sim.statevector;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * One shot's pure state on the statevector engine, for samplers that evolve a state shot by shot (Monte-Carlo
 * noise trajectories): the engine's split real/imaginary arrays and memory check, its kernels for matrices,
 * and the few reads a trajectory needs (reduced density matrices, single-qubit probabilities, a basis state
 * drawn by weight). Matrices need not be unitary (a gate times a Kraus operator), so nothing renormalises
 * on its own; {@link #scale} does when asked.
 *
 * <p>Matrices are row-major, real and imaginary parts apart, and qubit {@code qubits[j]} is bit {@code j} of
 * their index (little-endian, as everywhere in the engine). Not thread-safe: one state per shot and thread.
 */
public final class ShotState {
    private final int n;
    private final double[] re;
    private final double[] im;

    private ShotState(int n) {
        State.checkMemory(n, 1);
        this.n = n;
        this.re = new double[1 << n];
        this.im = new double[1 << n];
        re[0] = 1;
    }

    /**
     * |0...0> on {@code n} qubits.
     *
     * @throws io.qexec.sim.InsufficientMemoryException when the state does not fit in the memory left
     */
    public static ShotState zero(int n) {
        return new ShotState(n);
    }

    /** The bytes one state of {@code n} qubits takes. */
    public static long bytes(int n) {
        return n >= 59 ? Long.MAX_VALUE : 16L << n;
    }

    /** The number of qubits. */
    public int numQubits() {
        return n;
    }

    /** Back to |0...0>. */
    public void reset() {
        Arrays.fill(re, 0);
        Arrays.fill(im, 0);
        re[0] = 1;
    }

    /**
     * Multiplies the state by a matrix on {@code qubits} with the engine's dense kernels (a diagonal one-qubit
     * matrix by the diagonal kernel).
     *
     * @throws IllegalArgumentException when the matrix is not {@code 2^k x 2^k} for {@code k} distinct qubits of the state
     */
    public void apply(double[] matrixRe, double[] matrixIm, int... qubits) {
        int d = 1 << qubits.length;
        if (matrixRe.length != d * d || matrixIm.length != d * d) {
            throw new IllegalArgumentException("a matrix on " + qubits.length + " qubits has " + d * d
                    + " entries, got " + matrixRe.length);
        }
        for (int q : qubits) {
            if (q < 0 || q >= n) {
                throw new IllegalArgumentException("qubit " + q + " is outside a state of " + n + " qubits");
            }
        }
        ComplexMatrix m = new ComplexMatrix(d, matrixRe.clone(), matrixIm.clone());
        Kernel k = switch (qubits.length) {
            case 1 -> matrixRe[1] == 0 && matrixIm[1] == 0 && matrixRe[2] == 0 && matrixIm[2] == 0
                    ? new Diagonal1Kernel(0, qubits[0], matrixRe[0], matrixIm[0], matrixRe[3], matrixIm[3])
                    : new Dense1Kernel(0, qubits[0], m);
            case 2 -> new Dense2Kernel(0, qubits[0], qubits[1], m);
            case 3 -> new Dense3Kernel(0, qubits.clone(), m);
            default -> new DenseKernel(0, qubits.clone(), m);
        };
        k.apply(re, im, 0, k.workItems(n));
    }

    /**
     * The reduced density matrix on {@code qubits}, row-major {@code d x d} with {@code d = 2^qubits.length}, as
     * {@code [re, im]}; unnormalised if the state is.
     */
    public double[][] reducedDensityMatrix(int... qubits) {
        if (qubits.length == 1) {
            return reduced1(qubits[0]);
        }
        int k = qubits.length;
        int d = 1 << k;
        double[] rr = new double[d * d];
        double[] ri = new double[d * d];
        int[] offsets = offsets(qubits);
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        int groups = re.length >> k;
        double[] gr = new double[d];
        double[] gi = new double[d];
        for (int g = 0; g < groups; g++) {
            int base = Integer.expand(g, ~mask);
            for (int a = 0; a < d; a++) {
                gr[a] = re[base | offsets[a]];
                gi[a] = im[base | offsets[a]];
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < d; b++) {
                    // psi_a * conj(psi_b)
                    rr[a * d + b] += gr[a] * gr[b] + gi[a] * gi[b];
                    ri[a * d + b] += gi[a] * gr[b] - gr[a] * gi[b];
                }
            }
        }
        return new double[][] {rr, ri};
    }

    /** Multiplies every amplitude by {@code factor}. */
    public void scale(double factor) {
        for (int i = 0; i < re.length; i++) {
            re[i] *= factor;
        }
        for (int i = 0; i < im.length; i++) {
            im[i] *= factor;
        }
    }

    /** Zeroes the amplitudes where {@code qubit} does not read {@code outcome}. */
    public void project(int qubit, boolean outcome) {
        int bit = 1 << qubit;
        int zeroed = outcome ? 0 : bit; // the half whose bit differs from the outcome
        for (int base = zeroed; base < re.length; base += 2 * bit) {
            Arrays.fill(re, base, base + bit, 0);
            Arrays.fill(im, base, base + bit, 0);
        }
    }

    /** The probability that {@code qubit} reads 1 (the weight of that half, for an unnormalised state). */
    public double probabilityOfOne(int qubit) {
        int bit = 1 << qubit;
        double p = 0;
        for (int base = bit; base < re.length; base += 2 * bit) {
            for (int i = base, end = base + bit; i < end; i++) {
                p += re[i] * re[i] + im[i] * im[i];
            }
        }
        return p;
    }

    /** Draws a basis state index with probability {@code |amplitude|^2} over the state's total weight. */
    public int sampleIndex(RandomGenerator random) {
        double total = 0;
        for (int i = 0; i < re.length; i++) {
            total += re[i] * re[i] + im[i] * im[i];
        }
        double u = random.nextDouble() * total;
        double cumulative = 0;
        int last = 0;
        for (int i = 0; i < re.length; i++) {
            double p = re[i] * re[i] + im[i] * im[i];
            if (p > 0) {
                last = i;
                cumulative += p;
                if (u < cumulative) {
                    return i;
                }
            }
        }
        return last;
    }

    /** The probability of every basis state ({@code |amplitude|^2}), indexed by basis state. */
    public double[] probabilities() {
        double[] p = new double[re.length];
        for (int i = 0; i < re.length; i++) {
            p[i] = re[i] * re[i] + im[i] * im[i];
        }
        return p;
    }

    /** The amplitude of basis state {@code index} as {@code [re, im]}. */
    public double[] amplitude(int index) {
        return new double[] {re[index], im[index]};
    }

    private static int[] offsets(int[] qubits) {
        int d = 1 << qubits.length;
        int[] offsets = new int[d];
        for (int j = 0; j < d; j++) {
            for (int b = 0; b < qubits.length; b++) {
                if ((j >> b & 1) == 1) {
                    offsets[j] |= 1 << qubits[b];
                }
            }
        }
        return offsets;
    }

    private double[][] reduced1(int qubit) {
        int bit = 1 << qubit;
        double p0 = 0;
        double p1 = 0;
        double cr = 0;
        double ci = 0;
        for (int base = 0; base < re.length; base += 2 * bit) {
            for (int i = base, end = base + bit; i < end; i++) {
                int j = i | bit;
                double r0 = re[i], i0 = im[i], r1 = re[j], i1 = im[j];
                p0 += r0 * r0 + i0 * i0;
                p1 += r1 * r1 + i1 * i1;
                // psi_0 * conj(psi_1)
                cr += r0 * r1 + i0 * i1;
                ci += i0 * r1 - r0 * i1;
            }
        }
        return new double[][] {{p0, cr, cr, p1}, {0, ci, -ci, 0}};
    }
}
