package io.qexec.sim.noise;

import io.qexec.circuit.Matrix;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A quantum channel on one or more qubits given by Kraus operators: {@code rho -> sum_i K_i rho K_i†}, with
 * {@code sum_i K_i† K_i = I}.
 *
 * <p>Operators follow the gate convention of {@link io.qexec.circuit.Matrix}: little-endian, the channel's
 * first qubit is the least-significant bit of the index. The factories cover the usual noise processes;
 * {@link #of(String, List)} accepts any trace-preserving set and refuses one that is not.
 *
 * <p>Conventions (see {@code docs/noise.md}):
 * <ul>
 *   <li>{@link #depolarizing(int, double) depolarizing(n, p)}: {@code rho -> (1-p) rho + p I/d}, {@code d = 2^n},
 *       {@code 0 <= p <= d²/(d²-1)}; its average gate infidelity is {@code p (d-1)/d}, so a reported
 *       gate error {@code r} with no other noise is {@code p = r d/(d-1)} (2r for one qubit, 4r/3 for two).</li>
 *   <li>{@link #bitFlip(double)}, {@link #phaseFlip(double)}: X, respectively Z, with probability {@code p}.</li>
 *   <li>{@link #amplitudeDamping(double)}: |1> decays to |0> with probability {@code gamma}.</li>
 *   <li>{@link #phaseDamping(double)}: coherences scale by {@code sqrt(1-lambda)}.</li>
 *   <li>{@link #thermalRelaxation(double, double, double)}: T1 decay and T2 dephasing over a time, to the
 *       ground state (zero excited-state population).</li>
 * </ul>
 *
 * <p>Instances are immutable.
 */
public final class KrausChannel {
    /** The largest deviation of {@code sum K†K} from the identity that {@link #of} accepts. */
    public static final double TOLERANCE = 1e-9;

    private final String name;
    private final int numQubits;
    private final List<Matrix> operators;
    /** When every operator is a scaled unitary: their probabilities and unitaries; otherwise null. */
    private final double[] mixtureProbabilities;
    private final List<Matrix> mixtureUnitaries;

    private KrausChannel(String name, List<Matrix> operators) {
        this.name = name;
        this.operators = List.copyOf(operators);
        this.numQubits = operators.get(0).numQubits();
        double[] probabilities = new double[operators.size()];
        List<Matrix> unitaries = new ArrayList<>(operators.size());
        boolean mixture = true;
        for (int i = 0; i < operators.size() && mixture; i++) {
            Matrix k = operators.get(i);
            Matrix kk = k.adjoint().multiply(k);
            double c = kk.re(0, 0);
            mixture = c > 0 && kk.approximatelyEquals(Matrix.identity(k.dimension()).scale(c, 0), 1e-12);
            if (mixture) {
                probabilities[i] = c;
                unitaries.add(k.scale(1 / Math.sqrt(c), 0));
            }
        }
        this.mixtureProbabilities = mixture ? probabilities : null;
        this.mixtureUnitaries = mixture ? List.copyOf(unitaries) : null;
    }

    // ------------------------------------------------------------------ factories

    /**
     * A channel from Kraus operators, checked to be trace preserving.
     *
     * @param name a short name used in messages and docs
     * @param operators square matrices of the same power-of-two dimension
     * @throws IllegalArgumentException if the list is empty, the dimensions differ or are not a power of two,
     *     or {@code sum K†K} differs from the identity by more than {@link #TOLERANCE}
     */
    public static KrausChannel of(String name, List<Matrix> operators) {
        if (operators == null || operators.isEmpty()) {
            throw new IllegalArgumentException("a Kraus channel needs at least one operator");
        }
        int d = operators.get(0).dimension();
        if (Integer.bitCount(d) != 1) {
            throw new IllegalArgumentException("Kraus operators must act on qubits: dimension " + d + " is not a power of two");
        }
        for (Matrix k : operators) {
            if (k.dimension() != d) {
                throw new IllegalArgumentException("Kraus operators of different dimensions: " + d + " and " + k.dimension());
            }
        }
        double[] sumRe = new double[d * d];
        double[] sumIm = new double[d * d];
        for (Matrix k : operators) {
            Matrix kk = k.adjoint().multiply(k);
            for (int r = 0; r < d; r++) {
                for (int c = 0; c < d; c++) {
                    sumRe[r * d + c] += kk.re(r, c);
                    sumIm[r * d + c] += kk.im(r, c);
                }
            }
        }
        double worst = 0;
        int worstRow = 0;
        int worstCol = 0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                double dev = Math.hypot(sumRe[r * d + c] - (r == c ? 1 : 0), sumIm[r * d + c]);
                if (dev > worst) {
                    worst = dev;
                    worstRow = r;
                    worstCol = c;
                }
            }
        }
        if (worst > TOLERANCE) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "Kraus operators of '%s' are not trace preserving: sum K†K differs from the identity by %.3g at (%d, %d)",
                    name, worst, worstRow, worstCol));
        }
        return new KrausChannel(name, operators);
    }

    /** The identity channel on {@code qubits} qubits. */
    public static KrausChannel identity(int qubits) {
        return new KrausChannel("identity", List.of(Matrix.identity(1 << qubits)));
    }

    /** One-qubit depolarizing channel {@code rho -> (1-p) rho + p I/2}. */
    public static KrausChannel depolarizing(double p) {
        return depolarizing(1, p);
    }

    /**
     * The {@code qubits}-qubit depolarizing channel {@code rho -> (1-p) rho + p I/d}, {@code d = 2^qubits},
     * as a mixture of Pauli products.
     *
     * @throws IllegalArgumentException unless {@code 0 <= p <= d²/(d²-1)} and {@code 1 <= qubits <= 3}
     */
    public static KrausChannel depolarizing(int qubits, double p) {
        if (qubits < 1 || qubits > 3) {
            throw new IllegalArgumentException("depolarizing channels are supported on 1 to 3 qubits, got " + qubits);
        }
        double d2 = Math.pow(4, qubits);
        double max = d2 / (d2 - 1);
        if (!(p >= 0 && p <= max + 1e-15)) {
            throw new IllegalArgumentException("depolarizing parameter must be in [0, " + max + "] for " + qubits
                    + " qubit" + (qubits == 1 ? "" : "s") + ", got " + p);
        }
        double identityWeight = Math.max(0, 1 - p * (d2 - 1) / d2);
        double pauliWeight = p / d2;
        List<Matrix> ops = new ArrayList<>();
        for (int code = 0; code < (int) d2; code++) {
            double w = code == 0 ? identityWeight : pauliWeight;
            if (w == 0) {
                continue;
            }
            ops.add(pauliProduct(code, qubits).scale(Math.sqrt(w), 0));
        }
        return new KrausChannel(String.format(Locale.ROOT, "depolarizing%dq(%.3g)", qubits, p), ops);
    }

    /** X with probability {@code p}. */
    public static KrausChannel bitFlip(double p) {
        requireProbability("bit flip probability", p);
        return mixture("bit_flip", p, PAULI[1]);
    }

    /** Z with probability {@code p}. */
    public static KrausChannel phaseFlip(double p) {
        requireProbability("phase flip probability", p);
        return mixture("phase_flip", p, PAULI[3]);
    }

    /**
     * Independent X, Y and Z errors with probabilities {@code px}, {@code py}, {@code pz} (the identity with
     * the rest).
     */
    public static KrausChannel pauli(double px, double py, double pz) {
        double pi = 1 - px - py - pz;
        if (px < 0 || py < 0 || pz < 0 || pi < -1e-15) {
            throw new IllegalArgumentException("Pauli error probabilities must be non-negative and sum to at most 1, got "
                    + px + ", " + py + ", " + pz);
        }
        List<Matrix> ops = new ArrayList<>();
        double[] w = {Math.max(0, pi), px, py, pz};
        for (int k = 0; k < 4; k++) {
            if (w[k] > 0) {
                ops.add(PAULI[k].scale(Math.sqrt(w[k]), 0));
            }
        }
        return new KrausChannel("pauli", ops);
    }

    /** Amplitude damping: |1> decays to |0> with probability {@code gamma}. */
    public static KrausChannel amplitudeDamping(double gamma) {
        requireProbability("amplitude damping gamma", gamma);
        Matrix k0 = Matrix.of(new double[] {1, 0, 0, Math.sqrt(1 - gamma)}, new double[4]);
        Matrix k1 = Matrix.of(new double[] {0, Math.sqrt(gamma), 0, 0}, new double[4]);
        return new KrausChannel("amplitude_damping", gamma == 0 ? List.of(k0) : List.of(k0, k1));
    }

    /** Phase damping: off-diagonal elements scale by {@code sqrt(1 - lambda)}, populations are kept. */
    public static KrausChannel phaseDamping(double lambda) {
        requireProbability("phase damping lambda", lambda);
        Matrix k0 = Matrix.of(new double[] {1, 0, 0, Math.sqrt(1 - lambda)}, new double[4]);
        Matrix k1 = Matrix.of(new double[] {0, 0, 0, Math.sqrt(lambda)}, new double[4]);
        return new KrausChannel("phase_damping", lambda == 0 ? List.of(k0) : List.of(k0, k1));
    }

    /**
     * Thermal relaxation of one qubit over {@code time}: populations relax to |0> with time constant T1 and
     * coherences decay as {@code exp(-time/T2)}. Infinite T1 or T2 mean no relaxation of that kind.
     *
     * @param t1 the relaxation time (seconds, or any unit shared with the others), positive or infinite
     * @param t2 the dephasing time, positive, at most {@code 2 t1}
     * @param time the duration, non-negative
     * @throws IllegalArgumentException if {@code t2 > 2 t1} or a value is out of range
     */
    public static KrausChannel thermalRelaxation(double t1, double t2, double time) {
        if (!(t1 > 0) || !(t2 > 0)) {
            throw new IllegalArgumentException("T1 and T2 must be positive, got T1=" + t1 + ", T2=" + t2);
        }
        if (t2 > 2 * t1 * (1 + 1e-12)) {
            throw new IllegalArgumentException("T2 must be at most 2 T1 (physical relaxation), got T1=" + t1 + ", T2=" + t2);
        }
        if (!(time >= 0) || Double.isInfinite(time)) {
            throw new IllegalArgumentException("relaxation time must be finite and non-negative, got " + time);
        }
        double gamma = Double.isInfinite(t1) ? 0 : -Math.expm1(-time / t1);
        double rate = (Double.isInfinite(t2) ? 0 : 1 / t2) - (Double.isInfinite(t1) ? 0 : 1 / (2 * t1));
        double coherence = Math.exp(-time * Math.max(0, rate));
        double lambda = Math.max(0, 1 - coherence * coherence);
        List<Matrix> ops = new ArrayList<>(3);
        ops.add(Matrix.of(new double[] {1, 0, 0, Math.sqrt((1 - gamma) * (1 - lambda))}, new double[4]));
        if (lambda > 0) {
            ops.add(Matrix.of(new double[] {0, 0, 0, Math.sqrt(lambda * (1 - gamma))}, new double[4]));
        }
        if (gamma > 0) {
            ops.add(Matrix.of(new double[] {0, Math.sqrt(gamma), 0, 0}, new double[4]));
        }
        return new KrausChannel(String.format(Locale.ROOT, "thermal_relaxation(T1=%.3g, T2=%.3g, t=%.3g)", t1, t2, time), ops);
    }

    // ------------------------------------------------------------------ combinators

    /** This channel followed by {@code next} on the same qubits. */
    public KrausChannel andThen(KrausChannel next) {
        if (next.numQubits != numQubits) {
            throw new IllegalArgumentException("cannot compose channels on " + numQubits + " and " + next.numQubits + " qubits");
        }
        List<Matrix> ops = new ArrayList<>(operators.size() * next.operators.size());
        for (Matrix b : next.operators) {
            for (Matrix a : operators) {
                ops.add(b.multiply(a));
            }
        }
        return new KrausChannel(name + " then " + next.name, ops);
    }

    /**
     * The channel acting as {@code this} on the higher qubits and {@code low} on the lower ones
     * ({@code this ⊗ low}; {@code low}'s qubits come first).
     */
    public KrausChannel tensor(KrausChannel low) {
        List<Matrix> ops = new ArrayList<>(operators.size() * low.operators.size());
        for (Matrix a : operators) {
            for (Matrix b : low.operators) {
                ops.add(a.tensor(b));
            }
        }
        return new KrausChannel(name + " ⊗ " + low.name, ops);
    }

    // ------------------------------------------------------------------ facts

    /** A short name for messages. */
    public String name() {
        return name;
    }

    /** The number of qubits the channel acts on. */
    public int numQubits() {
        return numQubits;
    }

    /** The Kraus operators. */
    public List<Matrix> operators() {
        return operators;
    }

    /**
     * Whether the channel is a probabilistic mixture of unitaries (every Kraus operator a multiple of a
     * unitary), as Pauli channels are. Trajectories then pick an operator by a fixed probability and need no
     * renormalisation.
     */
    public boolean isUnitaryMixture() {
        return mixtureProbabilities != null;
    }

    /** For a unitary mixture: the probability of each operator. */
    public double[] mixtureProbabilities() {
        requireMixture();
        return mixtureProbabilities.clone();
    }

    /** For a unitary mixture: the unitary of each operator. */
    public List<Matrix> mixtureUnitaries() {
        requireMixture();
        return mixtureUnitaries;
    }

    /**
     * The superoperator {@code S = sum_i K_i ⊗ conj(K_i)} acting on a vectorised density matrix whose index is
     * {@code (row << n) | column}: the row (ket) bits are the high half, the column (bra) bits the low half.
     */
    public Matrix superoperator() {
        Matrix s = null;
        for (Matrix k : operators) {
            Matrix term = k.tensor(conjugate(k));
            s = s == null ? term : add(s, term);
        }
        return s;
    }

    /** The process (entanglement) fidelity with the identity: {@code sum_i |Tr K_i|² / d²}. */
    public double processFidelity() {
        int d = 1 << numQubits;
        double sum = 0;
        for (Matrix k : operators) {
            double tr = 0;
            double ti = 0;
            for (int i = 0; i < d; i++) {
                tr += k.re(i, i);
                ti += k.im(i, i);
            }
            sum += tr * tr + ti * ti;
        }
        return sum / ((double) d * d);
    }

    /** The average gate fidelity with the identity: {@code (d F_process + 1) / (d + 1)}. */
    public double averageGateFidelity() {
        int d = 1 << numQubits;
        return (d * processFidelity() + 1) / (d + 1);
    }

    @Override
    public String toString() {
        return name + " on " + numQubits + " qubit" + (numQubits == 1 ? "" : "s") + " (" + operators.size() + " Kraus operators)";
    }

    // ------------------------------------------------------------------ internals

    private static final Matrix[] PAULI = {
        Matrix.identity(2),
        Matrix.of(new double[] {0, 1, 1, 0}, new double[4]),
        Matrix.of(new double[4], new double[] {0, -1, 1, 0}),
        Matrix.of(new double[] {1, 0, 0, -1}, new double[4]),
    };

    /** The Pauli product whose base-4 digits (lowest digit = first qubit) are {@code code}. */
    private static Matrix pauliProduct(int code, int qubits) {
        Matrix m = PAULI[code & 3];
        for (int q = 1; q < qubits; q++) {
            m = PAULI[(code >> (2 * q)) & 3].tensor(m);
        }
        return m;
    }

    private static KrausChannel mixture(String name, double p, Matrix error) {
        List<Matrix> ops = new ArrayList<>(2);
        if (p < 1) {
            ops.add(Matrix.identity(2).scale(Math.sqrt(1 - p), 0));
        }
        if (p > 0) {
            ops.add(error.scale(Math.sqrt(p), 0));
        }
        return new KrausChannel(name, ops);
    }

    private static void requireProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(what + " must be in [0, 1], got " + p);
        }
    }

    private void requireMixture() {
        if (mixtureProbabilities == null) {
            throw new IllegalStateException(name + " is not a mixture of unitaries");
        }
    }

    static Matrix conjugate(Matrix m) {
        double[] im = m.imaginaryParts();
        for (int i = 0; i < im.length; i++) {
            im[i] = -im[i];
        }
        return Matrix.of(m.realParts(), im);
    }

    static Matrix add(Matrix a, Matrix b) {
        double[] re = a.realParts();
        double[] im = a.imaginaryParts();
        double[] br = b.realParts();
        double[] bi = b.imaginaryParts();
        for (int i = 0; i < re.length; i++) {
            re[i] += br[i];
            im[i] += bi[i];
        }
        return Matrix.of(re, im);
    }
}
