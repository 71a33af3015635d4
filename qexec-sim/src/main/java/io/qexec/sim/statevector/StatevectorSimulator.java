package io.qexec.sim.statevector;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.sim.AliasTable;
import io.qexec.sim.Multinomial;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.Statevector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * The embedded statevector simulator: exact double-precision amplitudes for up to 30 qubits
 * (memory permitting; larger states are refused before anything is allocated).
 *
 * <p>Circuits whose measurements are all terminal are simulated once; every shot is then drawn
 * from the exact distribution of the measured qubits, and the result carries those exact
 * probabilities (when at most 65536 outcomes have non-zero probability). Dynamic circuits
 * (mid-circuit measurement, reset after use, {@code if}/{@code else}, {@code while}) run one
 * trajectory per shot, starting each from the state reached before the first dynamic operation.
 *
 * <p>Gates are applied by specialised kernels (permutations, diagonals, controlled and dense
 * blocks) after gate fusion, on {@link SimulationOptions#threads()} threads for states of 14
 * qubits or more. Counts use the shared Qiskit bit order ({@link Bitstrings}). With a seed,
 * counts, memory and probabilities are reproducible. The final statevector, when asked for, is
 * the state before the terminal measurements; dynamic circuits return none.
 *
 * <p>Thread-safe: one instance may run several circuits at once.
 */
public final class StatevectorSimulator implements Simulator {
    /** Most outcomes listed in {@link SimulationResult#probabilities()}. */
    static final int MAX_LISTED_PROBABILITIES = 1 << 16;

    /** The widest state the engine holds: one Java array has at most 2^31 - 1 elements. */
    public static final int MAX_QUBITS = State.MAX_QUBITS;
    /** Iterations after which a while loop is taken to never end. */
    static final int MAX_LOOP_ITERATIONS = 1_000_000;

    private final FusionOptions fusion;
    private final int parallelQubits;
    private final boolean vector;

    /**
     * A simulator with the tuned defaults. It uses the optional Vector API kernels when the JVM
     * runs with {@code --add-modules jdk.incubator.vector} and {@code -Dqexec.sim.vector=true};
     * otherwise the scalar kernels.
     */
    public StatevectorSimulator() {
        this(FusionOptions.DEFAULT, Engine.DEFAULT_PARALLEL_QUBITS, VectorSupport.ENABLED);
    }

    StatevectorSimulator(FusionOptions fusion, int parallelQubits) {
        this(fusion, parallelQubits, false);
    }

    StatevectorSimulator(FusionOptions fusion, int parallelQubits, boolean vector) {
        this.fusion = fusion;
        this.parallelQubits = parallelQubits;
        this.vector = vector && VectorSupport.AVAILABLE;
    }

    @Override
    public String method() {
        return "statevector";
    }

    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        options.requireNoiseFree(method());
        long start = System.nanoTime();
        long seed = options.seed().orElseGet(() -> new SplittableRandom().nextLong());
        RandomGenerator random = new SplittableRandom(seed);
        int threads = options.threads() == 0 ? Runtime.getRuntime().availableProcessors() : options.threads();
        Engine engine = new Engine(threads, parallelQubits);
        Outcome out = circuit.isDynamic()
                ? trajectories(circuit, options, engine, random)
                : sampled(circuit, options, engine, random);
        return new SimulationResult(method(), options.shots(), new java.util.TreeMap<>(out.counts), out.memory, out.probabilities,
                out.statevector, seed, Duration.ofNanos(System.nanoTime() - start));
    }

    private record Outcome(Map<String, Long> counts, List<String> memory, Map<String, Double> probabilities,
                           Optional<Statevector> statevector) {
    }

    /** Terminal measurements only: simulate once, draw every shot from the final distribution. */
    private Outcome sampled(Circuit circuit, SimulationOptions options, Engine engine, RandomGenerator random) {
        int n = circuit.numQubits();
        int nc = circuit.numClbits();
        List<Gate> gates = new ArrayList<>();
        int[] source = new int[nc]; // measured qubit feeding each classical bit, or -1
        Arrays.fill(source, -1);
        for (Instruction i : circuit.instructions()) {
            switch (i) {
                case GateOp op -> CircuitTranslator.gates(op, gates);
                case Measure m -> source[m.clbit()] = m.qubit();
                case Reset r -> {
                    // a reset before a qubit is used is a no-op: every qubit starts in |0>
                }
                case Barrier b -> {
                }
                default -> throw new IllegalStateException("not a terminal-measurement circuit: " + i);
            }
        }
        State state = State.zero(n);
        BasisPrefix prefix = BasisPrefix.fold(gates);
        prefix.prepare(state);
        engine.run(state, new Fuser(fusion, vector).compile(prefix.rest(), state.layout));

        // the distinct measured qubits, and for each classical bit its position among them
        List<Integer> measured = new ArrayList<>();
        int[] position = new int[nc];
        for (int c = 0; c < nc; c++) {
            position[c] = -1;
            if (source[c] >= 0) {
                int p = measured.indexOf(source[c]);
                if (p < 0) {
                    p = measured.size();
                    measured.add(source[c]);
                }
                position[c] = p;
            }
        }
        Optional<Statevector> sv = Optional.empty();
        if (options.statevector()) {
            double[][] amps = state.logicalAmplitudes();
            sv = Optional.of(new Statevector(amps[0], amps[1]));
        }
        List<ClassicalRegister> registers = circuit.classicalRegisters();
        if (nc == 0) {
            return new Outcome(Map.of(), List.of(), Map.of(), sv);
        }
        // drawn in the state's order; only the outcomes drawn are renamed to the requested order
        Measurements.Marginal marginal = measured.isEmpty()
                ? new Measurements.Marginal(new double[] {1}, null)
                : Measurements.marginalInStateOrder(state, measured.stream().mapToInt(Integer::intValue).toArray(), engine);
        double[] dist = marginal.distribution();
        OutcomeNames names = new OutcomeNames(registers, position, nc);
        Map<String, Long> counts = new HashMap<>();
        List<String> memory = List.of();
        if (options.memory()) {
            AliasTable table = AliasTable.of(dist);
            String[] shots = new String[options.shots()];
            for (int s = 0; s < shots.length; s++) {
                shots[s] = names.name(marginal.requested(table.sample(random)));
            }
            memory = Arrays.asList(shots);
            for (String s : shots) {
                counts.merge(s, 1L, Long::sum);
            }
        } else {
            Multinomial.Drawn drawn = Multinomial.draw(dist, options.shots(), random);
            String[] keys = new String[drawn.outcomes().length];
            long[] values = new long[keys.length];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = names.format(marginal.requested(drawn.outcomes()[i]));
                values[i] = drawn.counts()[i];
            }
            counts = SortedCounts.of(keys, values);
        }
        Map<String, Double> probabilities = new java.util.TreeMap<>();
        int nonZero = 0;
        for (int x = 0; x < dist.length && nonZero <= MAX_LISTED_PROBABILITIES; x++) {
            nonZero += dist[x] > 0 ? 1 : 0;
        }
        if (nonZero <= MAX_LISTED_PROBABILITIES) {
            for (int x = 0; x < dist.length; x++) {
                if (dist[x] > 0) {
                    probabilities.put(names.format(marginal.requested(x)), dist[x]);
                }
            }
        }
        return new Outcome(counts, memory, probabilities, sv);
    }

    /** Names of marginal outcomes as classical bitstrings, cached. */
    private static final class OutcomeNames {
        private final List<ClassicalRegister> registers;
        private final int[] position;
        private final int nc;
        private final Map<Integer, String> cache = new HashMap<>();

        OutcomeNames(List<ClassicalRegister> registers, int[] position, int nc) {
            this.registers = registers;
            this.position = position;
            this.nc = nc;
        }

        /**
         * The name of outcome {@code x}, not cached (for outcomes named once): the characters of the bitstring of
         * outcome 0 with the measured positions filled in.
         */
        String format(int x) {
            if (template == null) {
                template = Bitstrings.format(registers, new BitSet()).toCharArray();
                source = new int[template.length];
                // source[i]: the marginal position read by character i (-1 for a space or a clbit never measured);
                // registers from the last declared, each from its top bit, as Bitstrings.format writes them
                Arrays.fill(source, -1);
                int end = registers.stream().mapToInt(io.qexec.circuit.ClassicalRegister::size).sum();
                int i = 0;
                for (int r = registers.size() - 1; r >= 0; r--) {
                    int start = end - registers.get(r).size();
                    for (int b = end - 1; b >= start; b--, i++) {
                        source[i] = b < nc ? position[b] : -1;
                    }
                    i += r > 0 ? 1 : 0;
                    end = start;
                }
            }
            char[] chars = template.clone();
            for (int i = 0; i < chars.length; i++) {
                int p = source[i];
                if (p >= 0 && ((x >>> p) & 1) == 1) {
                    chars[i] = '1';
                }
            }
            return new String(chars);
        }

        private char[] template;
        private int[] source;

        String name(int x) {
            return cache.computeIfAbsent(x, k -> {
                BitSet bits = new BitSet(nc);
                for (int c = 0; c < nc; c++) {
                    if (position[c] >= 0 && ((k >>> position[c]) & 1) == 1) {
                        bits.set(c);
                    }
                }
                return Bitstrings.format(registers, bits);
            });
        }
    }

    /** Dynamic circuits: one trajectory per shot, each starting from the shared prefix state. */
    private Outcome trajectories(Circuit circuit, SimulationOptions options, Engine engine, RandomGenerator random) {
        int n = circuit.numQubits();
        int nc = circuit.numClbits();
        State.checkMemory(n, 2);
        State prefix = State.zero(n);
        List<Step> steps = new CircuitTranslator(fusion, vector).steps(circuit.instructions(), prefix.layout.clone(), true);
        int first = 0;
        if (!steps.isEmpty() && steps.get(0) instanceof Step.Unitary u) {
            engine.run(prefix, u.kernels());
            System.arraycopy(u.layoutAfter(), 0, prefix.layout, 0, n);
            first = 1;
        }
        List<Step> rest = steps.subList(first, steps.size());
        State work = prefix.copy();
        List<ClassicalRegister> registers = circuit.classicalRegisters();
        Map<String, Long> counts = new HashMap<>();
        List<String> memory = options.memory() ? new ArrayList<>(options.shots()) : List.of();
        boolean[] bits = new boolean[nc];
        BitSet set = new BitSet(nc);
        for (int shot = 0; shot < options.shots(); shot++) {
            work.copyFrom(prefix);
            Arrays.fill(bits, false);
            execute(rest, work, bits, engine, random);
            set.clear();
            for (int c = 0; c < nc; c++) {
                if (bits[c]) {
                    set.set(c);
                }
            }
            String key = Bitstrings.format(registers, set);
            counts.merge(key, 1L, Long::sum);
            if (options.memory()) {
                memory.add(key);
            }
        }
        if (nc == 0) {
            counts.clear();
        }
        return new Outcome(counts, memory, Map.of(), Optional.empty());
    }

    private static void execute(List<Step> steps, State s, boolean[] bits, Engine engine, RandomGenerator random) {
        for (Step step : steps) {
            switch (step) {
                case Step.Unitary u -> {
                    engine.run(s, u.kernels());
                    System.arraycopy(u.layoutAfter(), 0, s.layout, 0, s.n);
                }
                case Step.Measure m -> bits[m.clbit()] = measure(s, m.qubit(), engine, random) == 1;
                case Step.Reset r -> {
                    if (measure(s, r.qubit(), engine, random) == 1) {
                        engine.run(s, new PermuteXKernel(0, s.layout[r.qubit()]));
                    }
                }
                case Step.If f -> execute(f.condition().test(bits) ? f.then() : f.otherwise(), s, bits, engine, random);
                case Step.While w -> {
                    int iterations = 0;
                    while (w.condition().test(bits)) {
                        if (++iterations > MAX_LOOP_ITERATIONS) {
                            throw new SimulationException("a while loop ran " + MAX_LOOP_ITERATIONS
                                    + " iterations in one shot; it looks like it never ends");
                        }
                        execute(w.body(), s, bits, engine, random);
                    }
                }
            }
        }
    }

    private static int measure(State s, int qubit, Engine engine, RandomGenerator random) {
        double p1 = Math.min(1, Math.max(0, Measurements.probabilityOfOne(s, qubit, engine)));
        int outcome = random.nextDouble() < p1 ? 1 : 0;
        Measurements.collapse(s, qubit, outcome, outcome == 1 ? p1 : 1 - p1, engine);
        return outcome;
    }

    @Override
    public String toString() {
        return "StatevectorSimulator[" + fusion + ", parallel from " + parallelQubits + " qubits"
                + (vector ? ", vector kernels" : "") + "]";
    }
}
