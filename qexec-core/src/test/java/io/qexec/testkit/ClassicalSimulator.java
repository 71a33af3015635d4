package io.qexec.testkit;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.sim.SimulationException;
import io.qexec.sim.SimulationOptions;
import io.qexec.sim.SimulationResult;
import io.qexec.sim.Simulator;
import io.qexec.sim.noise.NoiseModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A deterministic test simulator for classical circuits (X, CX, CCX, SWAP, I, measure, reset, barrier).
 * Under a noise model, each recorded bit is flipped independently with the model's readout error of qubit 0
 * (seeded): a stand-in for a noisy device.
 */
public final class ClassicalSimulator implements Simulator {
    private final String method;
    private final NoiseModel ownNoise;

    public ClassicalSimulator(String method) {
        this(method, null);
    }

    /** A simulator that applies {@code noise} when the options carry no noise model of their own. */
    public ClassicalSimulator(String method, NoiseModel noise) {
        this.method = method;
        this.ownNoise = noise;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public SimulationResult run(Circuit circuit, SimulationOptions options) {
        circuit.requireBound();
        boolean[] qubits = new boolean[circuit.numQubits()];
        BitSet clbits = new BitSet();
        for (Instruction i : circuit.instructions()) {
            switch (i) {
                case GateOp g when g.gate() == StandardGate.X -> flip(qubits, g.qubits().get(0));
                case GateOp g when g.gate() == StandardGate.ID -> { }
                case GateOp g when g.gate() == StandardGate.CX -> {
                    if (qubits[g.qubits().get(0)]) {
                        flip(qubits, g.qubits().get(1));
                    }
                }
                case GateOp g when g.gate() == StandardGate.CCX -> {
                    if (qubits[g.qubits().get(0)] && qubits[g.qubits().get(1)]) {
                        flip(qubits, g.qubits().get(2));
                    }
                }
                case GateOp g when g.gate() == StandardGate.SWAP -> {
                    boolean a = qubits[g.qubits().get(0)];
                    qubits[g.qubits().get(0)] = qubits[g.qubits().get(1)];
                    qubits[g.qubits().get(1)] = a;
                }
                case Measure m -> clbits.set(m.clbit(), qubits[m.qubit()]);
                case Reset r -> qubits[r.qubit()] = false;
                case Barrier b -> { }
                default -> throw new SimulationException("the classical test simulator cannot run " + i);
            }
        }
        NoiseModel noise = options.noise().orElse(ownNoise);
        double flipProbability = noise == null ? 0 : noise.readoutError(0).p01();
        long seed = options.seed().orElse(12345L);
        SplittableRandom random = new SplittableRandom(seed);
        TreeMap<String, Long> counts = new TreeMap<>();
        List<String> memory = new ArrayList<>();
        for (int s = 0; s < options.shots(); s++) {
            BitSet shot = (BitSet) clbits.clone();
            if (flipProbability > 0) {
                for (int c = 0; c < circuit.numClbits(); c++) {
                    if (random.nextDouble() < flipProbability) {
                        shot.flip(c);
                    }
                }
            }
            String key = Bitstrings.format(circuit.classicalRegisters(), shot);
            counts.merge(key, 1L, Long::sum);
            if (options.memory()) {
                memory.add(key);
            }
        }
        return new SimulationResult(method, options.shots(), counts, memory, Map.of(), java.util.Optional.empty(), seed,
                Duration.ZERO);
    }

    private static void flip(boolean[] qubits, int q) {
        qubits[q] = !qubits[q];
    }
}
