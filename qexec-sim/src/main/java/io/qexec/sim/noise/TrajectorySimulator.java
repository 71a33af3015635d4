package io.qexec.sim.noise;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Condition;
import io.qexec.circuit.Matrix;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
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
 * density matrix of the channel's qubits, and renormalises. Measurements and resets collapse the state;
 * readout errors flip recorded bits. A circuit without channels and resets is simulated once and sampled
 * for every shot.
 *
 * <p>Shot {@code s} draws from its own generator seeded from the run's seed, so results do not depend on
 * the thread count. The pure state is a minimal internal statevector ({@code TrajectoryState}), the seam
 * through which this sampler can move onto the shared statevector engine.
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
        long needed = PlainStatevector.bytes(n) * workers;
        Runtime rt = Runtime.getRuntime();
        long available = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (n > MAX_QUBITS || needed > available) {
            throw new SimulationException(String.format(Locale.ROOT,
                    "trajectories on %d qubits need %s (%d state%s), %s available; use fewer qubits or fewer threads",
                    n, bytes(needed), workers, workers == 1 ? "" : "s", bytes(available)));
        }
    }

    private static String bytes(long b) {
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
    private sealed interface Step permits GateStep, ChannelStep, MeasureStep, ResetStep, BranchStep, LoopStep {
    }

    private record GateStep(Matrix matrix, int[] qubits) implements Step {
    }

    private record MeasureStep(NoisyCircuit.Measurement measurement) implements Step {
    }

    private record ResetStep(int qubit) implements Step {
    }

    private record BranchStep(Condition condition, List<Step> thenSteps, List<Step> elseSteps) implements Step {
    }

    private record LoopStep(Condition condition, List<Step> body) implements Step {
    }

    /** A channel ready for sampling: cumulative probabilities for a unitary mixture, else K† K per operator. */
    private record ChannelStep(int[] qubits, double[] cumulative, Matrix[] operators, boolean[] identity,
                               double[][] effectRe, double[][] effectIm) implements Step {

        static ChannelStep of(KrausChannel channel, int[] qubits) {
            int count = channel.operators().size();
            Matrix[] ops = new Matrix[count];
            boolean[] identity = new boolean[count];
            if (channel.isUnitaryMixture()) {
                double[] p = channel.mixtureProbabilities();
                double[] cumulative = new double[count];
                double sum = 0;
                for (int i = 0; i < count; i++) {
                    sum += p[i];
                    cumulative[i] = sum;
                    ops[i] = channel.mixtureUnitaries().get(i);
                    identity[i] = ops[i].equalsUpToGlobalPhase(Matrix.identity(ops[i].dimension()), 1e-14);
                }
                return new ChannelStep(qubits, cumulative, ops, identity, null, null);
            }
            double[][] er = new double[count][];
            double[][] ei = new double[count][];
            for (int i = 0; i < count; i++) {
                ops[i] = channel.operators().get(i);
                Matrix e = ops[i].adjoint().multiply(ops[i]);
                er[i] = e.realParts();
                ei[i] = e.imaginaryParts();
            }
            return new ChannelStep(qubits, null, ops, identity, er, ei);
        }
    }

    private static List<Step> prepare(List<NoisyCircuit.Operation> ops) {
        List<Step> out = new ArrayList<>(ops.size());
        for (NoisyCircuit.Operation op : ops) {
            out.add(switch (op) {
                case NoisyCircuit.Gate g -> new GateStep(g.matrix(), toArray(g.qubits()));
                case NoisyCircuit.Channel c -> ChannelStep.of(c.channel(), toArray(c.qubits()));
                case NoisyCircuit.Measurement m -> new MeasureStep(m);
                case NoisyCircuit.QubitReset r -> new ResetStep(r.qubit());
                case NoisyCircuit.Branch b -> new BranchStep(b.condition(), prepare(b.thenOps()), prepare(b.elseOps()));
                case NoisyCircuit.Loop l -> new LoopStep(l.condition(), prepare(l.body()));
            });
        }
        return out;
    }

    private static int[] toArray(List<Integer> qs) {
        return qs.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ running

    private static long[] sampleOnce(List<Step> steps, int n, Map<Integer, NoisyCircuit.Measurement> measurements,
                                     int shots, long seed) {
        TrajectoryState psi = new PlainStatevector(n);
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
            TrajectoryState psi = new PlainStatevector(n);
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
        private final TrajectoryState psi;
        private final RandomGenerator random;
        private final boolean measure;

        /** @param measure whether measurement steps collapse the state (otherwise they are read at the end) */
        Trajectory(TrajectoryState psi, RandomGenerator random, boolean measure) {
            this.psi = psi;
            this.random = random;
            this.measure = measure;
        }

        long run(List<Step> steps, long bits) {
            for (Step step : steps) {
                switch (step) {
                    case GateStep g -> psi.apply(g.matrix(), g.qubits());
                    case ChannelStep c -> channel(c);
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

        private void channel(ChannelStep c) {
            if (c.cumulative() != null) {
                double u = random.nextDouble() * c.cumulative()[c.cumulative().length - 1];
                int i = 0;
                while (i < c.cumulative().length - 1 && u >= c.cumulative()[i]) {
                    i++;
                }
                if (!c.identity()[i]) {
                    psi.apply(c.operators()[i], c.qubits());
                }
                return;
            }
            double[][] rho = psi.reducedDensityMatrix(c.qubits());
            double[] rr = rho[0];
            double[] ri = rho[1];
            int d = 1 << c.qubits().length;
            int count = c.operators().length;
            double[] p = new double[count];
            double total = 0;
            for (int i = 0; i < count; i++) {
                double[] er = c.effectRe()[i];
                double[] ei = c.effectIm()[i];
                double s = 0;
                for (int a = 0; a < d; a++) {
                    for (int b = 0; b < d; b++) {
                        // Tr(E rho) = sum_ab E[a][b] rho[b][a]
                        s += er[a * d + b] * rr[b * d + a] - ei[a * d + b] * ri[b * d + a];
                    }
                }
                p[i] = Math.max(0, s);
                total += p[i];
            }
            double u = random.nextDouble() * total;
            int chosen = count - 1;
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
            psi.apply(c.operators()[chosen], c.qubits());
            psi.scale(1 / Math.sqrt(p[chosen]));
        }

        private long measure(NoisyCircuit.Measurement m, long bits) {
            boolean outcome = collapse(m.qubit());
            boolean recorded = m.readout().record(outcome, random);
            long mask = 1L << m.clbit();
            return recorded ? bits | mask : bits & ~mask;
        }

        private void reset(int qubit) {
            if (collapse(qubit)) {
                psi.apply(X, new int[] {qubit});
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

    private static final Matrix X = Matrix.of(new double[] {0, 1, 1, 0}, new double[4]);

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
