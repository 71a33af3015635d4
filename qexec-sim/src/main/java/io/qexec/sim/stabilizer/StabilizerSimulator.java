package io.qexec.sim.stabilizer;

import io.qexec.circuit.Circuit;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * Simulates Clifford circuits with a bit-packed stabilizer tableau (Aaronson–Gottesman), so thousands of
 * qubits are cheap. Method name {@code stabilizer}.
 *
 * <p>Accepted: the Clifford library gates (id, x, y, z, h, s, sdg, sx, sxdg, cx, cy, cz, swap, iswap, ecr),
 * any gate whose unitary is Clifford for its parameters (rz, p, u, rx, ... at multiples of pi/2, cp(pi),
 * user-defined gates with Clifford bodies), measure, reset, barrier, and classical control
 * ({@code if}/{@code else}, {@code while}). A circuit with any other gate is refused with a
 * {@link io.qexec.sim.SimulationException} naming the first such gate and its position.
 *
 * <p>Sampling: when the circuit has no loops and its classically controlled blocks hold only Pauli gates,
 * the tableau runs once to get a reference outcome and every shot is drawn by propagating Pauli frames,
 * 64 shots per machine word. Otherwise each shot runs its own tableau.
 *
 * <p>Results: counts keyed in the shared bit order (classical bit 0 rightmost, registers separated by a
 * space, the last-declared leftmost) and, when asked, per-shot memory. Exact probabilities and the final
 * state are not produced ({@code statevector} in the options is ignored); the {@code threads} option is
 * ignored (one thread). With a seed the run is reproducible. Thread-safe: instances hold no state.
 */
public final class StabilizerSimulator implements Simulator {

    /** The method name reported in results. */
    public static final String METHOD = "stabilizer";

    @Override
    public String method() {
        return METHOD;
    }

    /**
     * Runs a Clifford circuit.
     *
     * @throws io.qexec.sim.SimulationException if the circuit is not Clifford, has an unbound parameter,
     *     or a while loop runs away
     */
    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        options.requireNoiseFree(method());
        long start = System.nanoTime();
        Program program = CircuitTranslator.translate(circuit);
        long seed = options.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        SplittableRandom rng = new SplittableRandom(seed);
        ShotBits shots = sample(program, options.shots(), rng);
        Outcomes outcomes = Outcomes.of(shots, circuit.classicalRegisters(), options.memory());
        Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
        return new SimulationResult(METHOD, options.shots(), outcomes.counts(), outcomes.memory(), Map.of(),
                Optional.empty(), seed, elapsed);
    }

    static ShotBits sample(Program program, int shots, RandomGenerator rng) {
        if (program.frameSampleable()) {
            return FrameSampler.sample(program, shots, rng);
        }
        return TableauRunner.sampleEachShot(program, shots, rng);
    }
}
