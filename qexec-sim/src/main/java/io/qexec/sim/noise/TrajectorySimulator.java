package io.qexec.sim.noise;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Condition;
import io.qexec.sim.InsufficientMemoryException;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.statevector.ShotState;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/**
 * Monte-Carlo trajectories ({@code trajectories}): noisy simulation on a pure state, one random trajectory
 * per shot, for circuits too large for the density matrix. Only the qubits the circuit uses are simulated,
 * so a few-qubit circuit on a 36-qubit device model is cheap.
 *
 * <p>Per shot, each channel picks one Kraus operator: a mixture of unitaries (depolarizing, bit or phase
 * flip) picks by its fixed probabilities and needs no renormalisation; any other channel (amplitude damping,
 * thermal relaxation) picks operator {@code i} with probability {@code ‖K_i ψ‖²}, computed from the reduced
 * density matrix of the channel's qubits, and renormalises. The operators drawn for the channels after a
 * gate are multiplied into the gate, so a noisy gate costs one or two passes over the state. Measurements and resets collapse the state;
 * readout errors flip recorded bits. A circuit without channels and resets is simulated once and sampled
 * for every shot.
 *
 * <p>Shot {@code s} draws from its own generator seeded from the run's seed, so results do not depend on
 * the thread count. Each shot's pure state is a {@link ShotState}: the statevector engine's arrays and kernels.
 */
public final class TrajectorySimulator implements Simulator {
    /** The largest number of (used) qubits simulated. */
    public static final int MAX_QUBITS = 30;
    /** The most iterations a while loop may run in one shot. */
    public static final int MAX_LOOP_ITERATIONS = 100_000;

    /** A simulator; instances hold no state and may be shared. */
    public TrajectorySimulator() {
    }

    @Override
    public String method() {
        return "trajectories";
    }

    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        long start = System.nanoTime();
        if (circuit.numClbits() > 64) {
            throw new SimulationException("the trajectory simulator records at most 64 classical bits, the circuit has "
                    + circuit.numClbits());
        }
        NoisyCircuit program = NoisyCircuit.of(circuit, options.noiseModel());
        int n = program.numQubits();
        int workers = options.threads() == 1 ? 1 : Math.max(1, options.threads() == 0
                ? Runtime.getRuntime().availableProcessors() : options.threads());
        checkMemory(n, workers);
        long seed = options.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        List<Step> steps = prepare(program.operations());
        Map<Integer, NoisyCircuit.Measurement> finalMeasurements = new LinkedHashMap<>();
        if (!program.dynamic()) {
            for (NoisyCircuit.Operation op : program.operations()) {
                if (op instanceof NoisyCircuit.Measurement m) {
                    finalMeasurements.put(m.clbit(), m);
                }
            }
        }
        long[] outcomes = isDeterministic(program)
                ? sampleOnce(steps, n, finalMeasurements, options.shots(), seed)
                : trajectories(steps, n, program.dynamic(), finalMeasurements, options.shots(), seed, workers);
        return result(circuit, outcomes, options, seed, Duration.ofNanos(System.nanoTime() - start));
    }

    // ------------------------------------------------------------------ planning

    private static void checkMemory(int n, int workers) {
        long one = ShotState.bytes(n);
        long needed = one > Long.MAX_VALUE / workers ? Long.MAX_VALUE : one * workers;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (n > MAX_QUBITS || needed > available) {
            throw new InsufficientMemoryException(String.format(Locale.ROOT,
                    "trajectories on %d qubits need %s (%d state%s), %s available (the trajectory method stops at %d "
                            + "qubits); use fewer qubits or fewer threads",
                    n, bytes(needed), workers, workers == 1 ? "" : "s", bytes(available), MAX_QUBITS), needed, available);
        }
    }

    private static String bytes(long b) {
        if (b == Long.MAX_VALUE) {
            return "more than 8 EiB";
        }
        if (b >= 1L << 40) {
            return String.format(Locale.ROOT, "%.0f TiB", b / (double) (1L << 40));
        }
        if (b >= 1L << 30) {
            return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
        }
        return String.format(Locale.ROOT, "%.1f MiB", b / (double) (1L << 20));
    }

    private static boolean isDeterministic(NoisyCircuit program) {
        return !program.dynamic() && program.operations().stream()
                .noneMatch(op -> op instanceof NoisyCircuit.Channel || op instanceof NoisyCircuit.QubitReset);
    }

    /** A prepared step of a trajectory. */
    private sealed interface Step permits GateStep, MeasureStep, ResetStep, BranchStep, LoopStep {
    }

    /** A gate with the channels after it (or channels alone), see {@link NoisyGate}. */
    private record GateStep(NoisyGate gate) implements Step {
    }

    private record MeasureStep(NoisyCircuit.Measurement measurement) implements Step {
    }

    private record ResetStep(int qubit) implements Step {
    }

    private record BranchStep(Condition condition, List<Step> thenSteps, List<Step> elseSteps) implements Step {
    }

    private record LoopStep(Condition condition, List<Step> body) implements Step {
    }

    /** Groups each gate with the channels that follow it on its qubits; other channels stand alone. */
    private static List<Step> prepare(List<NoisyCircuit.Operation> ops) {
        List<Step> out = new ArrayList<>(ops.size());
        for (int i = 0; i < ops.size(); i++) {
            NoisyCircuit.Operation op = ops.get(i);
            switch (op) {
                case NoisyCircuit.Gate g -> {
                    List<NoisyCircuit.Channel> after = new ArrayList<>();
                    while (i + 1 < ops.size() && ops.get(i + 1) instanceof NoisyCircuit.Channel c
                            && g.qubits().containsAll(c.qubits())) {
                        after.add(c);
                        i++;
                    }
                    out.add(new GateStep(new NoisyGate(g.matrix(), toArray(g.qubits()), after)));
                }
                case NoisyCircuit.Channel c -> out.add(new GateStep(new NoisyGate(null, toArray(c.qubits()), List.of(c))));
                case NoisyCircuit.Measurement m -> out.add(new MeasureStep(m));
                case NoisyCircuit.QubitReset r -> out.add(new ResetStep(r.qubit()));
                case NoisyCircuit.Branch b -> out.add(new BranchStep(b.condition(), prepare(b.thenOps()), prepare(b.elseOps())));
                case NoisyCircuit.Loop l -> out.add(new LoopStep(l.condition(), prepare(l.body())));
            }
        }
        return out;
    }

    private static int[] toArray(List<Integer> qs) {
        return qs.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ running

    private static long[] sampleOnce(List<Step> steps, int n, Map<Integer, NoisyCircuit.Measurement> measurements,
                                     int shots, long seed) {
        ShotState psi = ShotState.zero(n);
        SplittableRandom random = new SplittableRandom(seed);
        new Trajectory(psi, random, false).run(steps, 0);
        double[] p = psi.probabilities();
        double[] cumulative = new double[p.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += p[i];
            cumulative[i] = sum;
        }
        long[] out = new long[shots];
        for (int s = 0; s < shots; s++) {
            int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
            idx = Math.min(idx >= 0 ? idx + 1 : -idx - 1, p.length - 1);
            while (p[idx] == 0 && idx > 0) {
                idx--;
            }
            out[s] = record(idx, measurements, random);
        }
        return out;
    }

    private static long[] trajectories(List<Step> steps, int n, boolean dynamic,
                                       Map<Integer, NoisyCircuit.Measurement> measurements, int shots, long seed,
                                       int workers) {
        long[] shotSeeds = new SplittableRandom(seed).longs(shots).toArray();
        long[] out = new long[shots];
        int chunks = Math.min(shots, workers == 1 ? 1 : workers * 4);
        IntStream range = IntStream.range(0, chunks);
        (workers == 1 ? range : range.parallel()).forEach(c -> {
            ShotState psi = ShotState.zero(n);
            int from = (int) ((long) shots * c / chunks);
            int to = (int) ((long) shots * (c + 1) / chunks);
            for (int s = from; s < to; s++) {
                psi.reset();
                SplittableRandom random = new SplittableRandom(shotSeeds[s]);
                long bits = new Trajectory(psi, random, dynamic).run(steps, 0);
                out[s] = dynamic ? bits : record(psi.sampleIndex(random), measurements, random);
            }
        });
        return out;
    }

    /** The classical bits recorded by terminal measurements of basis state {@code index}, with readout errors. */
    private static long record(long index, Map<Integer, NoisyCircuit.Measurement> measurements, RandomGenerator random) {
        long v = 0;
        for (NoisyCircuit.Measurement m : measurements.values()) {
            boolean actual = (index >>> m.qubit() & 1) == 1;
            if (m.readout().record(actual, random)) {
                v |= 1L << m.clbit();
            }
        }
        return v;
    }

    /** One shot's walk through the program. */
    private static final class Trajectory {
        private final ShotState psi;
        private final RandomGenerator random;
        private final boolean measure;

        /** @param measure whether measurement steps collapse the state (otherwise they are read at the end) */
        Trajectory(ShotState psi, RandomGenerator random, boolean measure) {
            this.psi = psi;
            this.random = random;
            this.measure = measure;
        }

        long run(List<Step> steps, long bits) {
            for (Step step : steps) {
                switch (step) {
                    case GateStep g -> g.gate().apply(psi, random);
                    case MeasureStep m -> {
                        if (measure) {
                            bits = measure(m.measurement(), bits);
                        }
                    }
                    case ResetStep r -> reset(r.qubit());
                    case BranchStep b -> bits = run(test(b.condition(), bits) ? b.thenSteps() : b.elseSteps(), bits);
                    case LoopStep l -> {
                        int iterations = 0;
                        while (test(l.condition(), bits)) {
                            if (++iterations > MAX_LOOP_ITERATIONS) {
                                throw new SimulationException("a while loop ran more than " + MAX_LOOP_ITERATIONS
                                        + " iterations in one shot");
                            }
                            bits = run(l.body(), bits);
                        }
                    }
                }
            }
            return bits;
        }

        private long measure(NoisyCircuit.Measurement m, long bits) {
            boolean outcome = collapse(m.qubit());
            boolean recorded = m.readout().record(outcome, random);
            long mask = 1L << m.clbit();
            return recorded ? bits | mask : bits & ~mask;
        }

        private void reset(int qubit) {
            if (collapse(qubit)) {
                psi.apply(X_RE, X_IM, new int[] {qubit});
            }
        }

        /** Measures {@code qubit}, leaving the normalised post-measurement state; returns the outcome. */
        private boolean collapse(int qubit) {
            double p1 = Math.min(1, Math.max(0, psi.probabilityOfOne(qubit)));
            boolean outcome = random.nextDouble() < p1;
            double p = outcome ? p1 : 1 - p1;
            psi.project(qubit, outcome);
            psi.scale(1 / Math.sqrt(p));
            return outcome;
        }
    }

    private static final double[] X_RE = {0, 1, 1, 0};
    private static final double[] X_IM = new double[4];

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

    // ------------------------------------------------------------------ results

    private static SimulationResult result(Circuit circuit, long[] outcomes, SimulationOptions options, long seed,
                                           Duration elapsed) {
        List<ClassicalRegister> registers = circuit.classicalRegisters();
        Map<Long, String> labels = new java.util.HashMap<>();
        TreeMap<String, Long> counts = new TreeMap<>();
        List<String> memory = options.memory() ? new ArrayList<>(outcomes.length) : List.of();
        for (long v : outcomes) {
            String label = labels.computeIfAbsent(v, x -> Bitstrings.format(registers, x));
            counts.merge(label, 1L, Long::sum);
            if (options.memory()) {
                memory.add(label);
            }
        }
        return new SimulationResult("trajectories", options.shots(), counts, memory, Map.of(), Optional.empty(), seed, elapsed);
    }
}
