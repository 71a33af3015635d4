package io.qexec.sim.density;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Condition;
import io.qexec.sim.InsufficientMemoryException;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.noise.NoisyCircuit;
import io.qexec.sim.noise.ReadoutError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The density-matrix simulator ({@code density_matrix}): exact mixed-state evolution under a noise model
 * (see {@link SimulationOptions#noise()}), for small circuits.
 *
 * <p>The state is {@code 4^n} complex entries over the qubits the circuit uses. Gates act as
 * {@code U rho U†} and channels as Kraus sums, both as superoperator kernels on the flat index; a gate and
 * the channels that follow it on the same qubits are fused into one pass. Gates on more than two qubits are
 * expanded into their definitions first.
 *
 * <p>Measurements: when every measurement is terminal the state is evolved once and all shots are drawn
 * from its diagonal. A dynamic circuit (mid-circuit measurement, reset after measurement, {@code if},
 * {@code while}) is simulated exactly by tracking one unnormalised density matrix per distinct value of the
 * classical bits (a measurement splits each branch in two, equal values merge, conditions select branches),
 * and all shots are drawn from the resulting exact distribution. Readout errors act on recorded bits only:
 * they are folded into the outcome distribution (and into the branch weights of a dynamic circuit).
 * Branches of probability below {@value #NEGLIGIBLE} are dropped.
 *
 * <p>Up to {@value #MAX_QUBITS} qubits (a 14-qubit density matrix takes 4 GiB); larger circuits are refused
 * with the memory they would need. Use trajectories ({@link io.qexec.sim.noise.TrajectorySimulator}) beyond.
 */
public final class DensityMatrixSimulator implements Simulator {
    /** The largest number of qubits simulated. */
    public static final int MAX_QUBITS = 14;
    /** Branch probability below which a classical branch is dropped. */
    public static final double NEGLIGIBLE = 1e-15;
    /** The most iterations a while loop may run before the simulation is refused. */
    public static final int MAX_LOOP_ITERATIONS = 10_000;

    /** A simulator; instances hold no state and may be shared. */
    public DensityMatrixSimulator() {
    }

    @Override
    public String method() {
        return "density_matrix";
    }

    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        long start = System.nanoTime();
        if (circuit.numClbits() > 64) {
            throw new SimulationException("the density-matrix simulator records at most 64 classical bits, the circuit has "
                    + circuit.numClbits());
        }
        NoisyCircuit program = NoisyCircuit.of(circuit, options.noiseModel());
        int n = program.numQubits();
        checkMemory(n, 1);
        boolean parallel = options.threads() != 1;
        TreeMap<Long, Double> distribution = program.dynamic()
                ? branches(program, parallel)
                : terminal(program, parallel);
        long seed = options.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        return sample(circuit, distribution, options, seed, Duration.ofNanos(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------ memory

    /**
     * Refuses {@code copies} density matrices of {@code n} qubits when they exceed the limit or the free heap.
     *
     * @throws InsufficientMemoryException saying what was needed and what to do instead
     */
    static void checkMemory(int n, long copies) {
        long one = DensityMatrix.bytes(n);
        long needed = one > Long.MAX_VALUE / copies ? Long.MAX_VALUE : one * copies;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (n > MAX_QUBITS || needed > available) {
            String what = copies == 1 ? "a density matrix of " + n + " qubit" + (n == 1 ? "" : "s")
                    : copies + " density matrices of " + n + " qubits (one per classical branch)";
            throw new InsufficientMemoryException(what + " needs " + bytes(needed) + ", " + bytes(available)
                    + " available (the density-matrix method stops at " + MAX_QUBITS + " qubits); "
                    + "use method=statevector with noise (trajectories) or fewer qubits", needed, available);
        }
    }

    static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.0f GiB", b / (double) (1L << 30));
        }
        if (b >= 1L << 20) {
            return String.format(Locale.ROOT, "%.0f MiB", b / (double) (1L << 20));
        }
        return b + " bytes";
    }

    // ------------------------------------------------------------------ terminal measurements

    /** The final density matrix of a program without dynamic operations (measurements have no effect on it). */
    static DensityMatrix evolve(NoisyCircuit program, boolean parallel) {
        if (program.dynamic()) {
            throw new IllegalArgumentException("a dynamic circuit has no single final state");
        }
        DensityMatrix rho = DensityMatrix.zero(program.numQubits());
        Superoperators plan = new Superoperators(program.numQubits());
        for (NoisyCircuit.Operation op : program.operations()) {
            if (!(op instanceof NoisyCircuit.Measurement)) {
                plan.add(op);
            }
        }
        for (SuperoperatorKernel k : plan.kernels()) {
            k.apply(rho.re, rho.im, parallel);
        }
        return rho;
    }

    private static TreeMap<Long, Double> terminal(NoisyCircuit program, boolean parallel) {
        DensityMatrix rho = evolve(program, parallel);
        // the last measurement into each classical bit decides it
        Map<Integer, NoisyCircuit.Measurement> byClbit = new LinkedHashMap<>();
        for (NoisyCircuit.Operation op : program.operations()) {
            if (op instanceof NoisyCircuit.Measurement m) {
                byClbit.put(m.clbit(), m);
            }
        }
        double[] p = rho.diagonal();
        Map<Long, Double> dist = new HashMap<>();
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                continue;
            }
            long v = 0;
            for (NoisyCircuit.Measurement m : byClbit.values()) {
                if ((i >> m.qubit() & 1) == 1) {
                    v |= 1L << m.clbit();
                }
            }
            dist.merge(v, p[i], Double::sum);
        }
        for (NoisyCircuit.Measurement m : byClbit.values()) {
            if (!m.readout().isNone()) {
                dist = confuse(dist, m.clbit(), m.readout());
            }
        }
        return new TreeMap<>(dist);
    }

    /** The distribution after bit {@code clbit} is misread with {@code error}. */
    private static Map<Long, Double> confuse(Map<Long, Double> dist, int clbit, ReadoutError error) {
        Map<Long, Double> out = new HashMap<>(dist.size() * 2);
        long mask = 1L << clbit;
        dist.forEach((v, p) -> {
            boolean actual = (v & mask) != 0;
            double keep = error.probability(actual, actual);
            out.merge(v, p * keep, Double::sum);
            if (keep < 1) {
                out.merge(v ^ mask, p * (1 - keep), Double::sum);
            }
        });
        return out;
    }

    // ------------------------------------------------------------------ dynamic circuits

    private static TreeMap<Long, Double> branches(NoisyCircuit program, boolean parallel) {
        Map<Long, DensityMatrix> start = new LinkedHashMap<>();
        start.put(0L, DensityMatrix.zero(program.numQubits()));
        Map<Long, DensityMatrix> end = new BranchRunner(program.numQubits(), parallel).run(program.operations(), start);
        TreeMap<Long, Double> dist = new TreeMap<>();
        end.forEach((v, rho) -> dist.put(v, Math.max(0, rho.trace())));
        return dist;
    }

    /** Runs operations on a set of classical branches, each an unnormalised density matrix. */
    private static final class BranchRunner {
        private final int n;
        private final boolean parallel;

        BranchRunner(int n, boolean parallel) {
            this.n = n;
            this.parallel = parallel;
        }

        Map<Long, DensityMatrix> run(List<NoisyCircuit.Operation> ops, Map<Long, DensityMatrix> branches) {
            Superoperators pending = new Superoperators(n);
            boolean hasPending = false;
            for (NoisyCircuit.Operation op : ops) {
                switch (op) {
                    case NoisyCircuit.Gate g -> {
                        pending.add(g);
                        hasPending = true;
                    }
                    case NoisyCircuit.Channel c -> {
                        pending.add(c);
                        hasPending = true;
                    }
                    case NoisyCircuit.QubitReset r -> {
                        pending.add(r);
                        hasPending = true;
                    }
                    case NoisyCircuit.Measurement m -> {
                        flush(pending, hasPending, branches);
                        pending = new Superoperators(n);
                        hasPending = false;
                        branches = measure(m, branches);
                    }
                    case NoisyCircuit.Branch b -> {
                        flush(pending, hasPending, branches);
                        pending = new Superoperators(n);
                        hasPending = false;
                        Map<Long, DensityMatrix> yes = new LinkedHashMap<>();
                        Map<Long, DensityMatrix> no = new LinkedHashMap<>();
                        branches.forEach((v, rho) -> (test(b.condition(), v) ? yes : no).put(v, rho));
                        branches = merge(run(b.thenOps(), yes), run(b.elseOps(), no));
                    }
                    case NoisyCircuit.Loop l -> {
                        flush(pending, hasPending, branches);
                        pending = new Superoperators(n);
                        hasPending = false;
                        branches = loop(l, branches);
                    }
                }
            }
            flush(pending, hasPending, branches);
            return branches;
        }

        private Map<Long, DensityMatrix> loop(NoisyCircuit.Loop l, Map<Long, DensityMatrix> branches) {
            Map<Long, DensityMatrix> done = new LinkedHashMap<>();
            Map<Long, DensityMatrix> active = branches;
            for (int iteration = 0; !active.isEmpty(); iteration++) {
                if (iteration == MAX_LOOP_ITERATIONS) {
                    throw new SimulationException("a while loop still runs with probability " + String.format(Locale.ROOT, "%.3g",
                            active.values().stream().mapToDouble(DensityMatrix::trace).sum()) + " after "
                            + MAX_LOOP_ITERATIONS + " iterations");
                }
                Map<Long, DensityMatrix> again = new LinkedHashMap<>();
                Map<Long, DensityMatrix> exit = new LinkedHashMap<>();
                active.forEach((v, rho) -> (test(l.condition(), v) ? again : exit).put(v, rho));
                done = merge(done, exit);
                active = again.isEmpty() ? again : run(l.body(), again);
            }
            return done;
        }

        private void flush(Superoperators pending, boolean hasPending, Map<Long, DensityMatrix> branches) {
            if (!hasPending) {
                return;
            }
            List<SuperoperatorKernel> kernels = pending.kernels();
            for (DensityMatrix rho : branches.values()) {
                for (SuperoperatorKernel k : kernels) {
                    k.apply(rho.re, rho.im, parallel);
                }
            }
        }

        private Map<Long, DensityMatrix> measure(NoisyCircuit.Measurement m, Map<Long, DensityMatrix> branches) {
            Map<Long, DensityMatrix> out = new LinkedHashMap<>();
            long mask = 1L << m.clbit();
            ReadoutError ro = m.readout();
            for (Map.Entry<Long, DensityMatrix> e : branches.entrySet()) {
                DensityMatrix zero = e.getValue().projected(m.qubit(), false);
                DensityMatrix one = e.getValue().projected(m.qubit(), true);
                for (boolean recorded : new boolean[] {false, true}) {
                    DensityMatrix rho;
                    if (ro.isNone()) {
                        rho = recorded ? one : zero;
                    } else {
                        rho = zero.copy();
                        rho.scale(ro.probability(false, recorded));
                        rho.addScaled(one, ro.probability(true, recorded));
                    }
                    if (rho.trace() < NEGLIGIBLE) {
                        continue;
                    }
                    long v = recorded ? e.getKey() | mask : e.getKey() & ~mask;
                    DensityMatrix prev = out.get(v);
                    if (prev == null) {
                        out.put(v, rho);
                    } else {
                        prev.addScaled(rho, 1);
                    }
                }
            }
            checkMemory(n, Math.max(1, out.size()));
            return out;
        }

        private static Map<Long, DensityMatrix> merge(Map<Long, DensityMatrix> a, Map<Long, DensityMatrix> b) {
            Map<Long, DensityMatrix> out = new LinkedHashMap<>(a);
            b.forEach((v, rho) -> {
                DensityMatrix prev = out.get(v);
                if (prev == null) {
                    out.put(v, rho);
                } else {
                    prev.addScaled(rho, 1);
                }
            });
            return out;
        }
    }

    /** Evaluates a condition on classical bits packed in a long (bit {@code i} = classical bit {@code i}). */
    static boolean test(Condition condition, long bits) {
        long v = 0;
        List<Integer> cl = condition.clbits();
        for (int i = 0; i < cl.size(); i++) {
            if ((bits >>> cl.get(i) & 1) == 1) {
                v |= 1L << i;
            }
        }
        return condition.comparison().test(v, condition.value());
    }

    // ------------------------------------------------------------------ sampling

    private static SimulationResult sample(Circuit circuit, TreeMap<Long, Double> distribution, SimulationOptions options,
                                           long seed, Duration elapsed) {
        List<ClassicalRegister> registers = circuit.classicalRegisters();
        int size = distribution.size();
        long[] values = new long[size];
        double[] cumulative = new double[size];
        double total = 0;
        int k = 0;
        for (Map.Entry<Long, Double> e : distribution.entrySet()) {
            values[k] = e.getKey();
            total += e.getValue();
            cumulative[k] = total;
            k++;
        }
        Map<String, Double> probabilities = new HashMap<>();
        for (int i = 0; i < size; i++) {
            double p = distribution.get(values[i]) / total;
            if (p > 0) {
                probabilities.put(Bitstrings.format(registers, values[i]), p);
            }
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] hits = new long[size];
        List<String> memory = options.memory() ? new ArrayList<>(options.shots()) : List.of();
        String[] labels = new String[size];
        for (int s = 0; s < options.shots(); s++) {
            double u = random.nextDouble() * total;
            int idx = java.util.Arrays.binarySearch(cumulative, u);
            idx = idx >= 0 ? Math.min(idx + 1, size - 1) : Math.min(-idx - 1, size - 1);
            hits[idx]++;
            if (options.memory()) {
                if (labels[idx] == null) {
                    labels[idx] = Bitstrings.format(registers, values[idx]);
                }
                memory.add(labels[idx]);
            }
        }
        TreeMap<String, Long> counts = new TreeMap<>();
        for (int i = 0; i < size; i++) {
            if (hits[i] > 0) {
                counts.put(labels[i] != null ? labels[i] : Bitstrings.format(registers, values[i]), hits[i]);
            }
        }
        return new SimulationResult("density_matrix", options.shots(), counts, memory, probabilities, Optional.empty(), seed,
                elapsed);
    }
}
