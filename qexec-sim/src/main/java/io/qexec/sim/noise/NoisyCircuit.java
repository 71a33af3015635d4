package io.qexec.sim.noise;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.Condition;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Matrix;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.circuit.WhileLoop;
import io.qexec.sim.SimulationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A circuit prepared for noisy simulation: gates on more than two qubits expanded into their definitions,
 * every gate followed by the channels its noise model assigns, measurements carrying their readout error,
 * and the qubits renumbered to the ones the circuit actually uses (so a 3-qubit circuit declared on a
 * 36-qubit device costs a 3-qubit simulation).
 *
 * @param source the circuit as given (its classical registers give the bit order of results)
 * @param qubits {@code qubits[k]} is the source qubit that operation qubit {@code k} stands for, ascending
 * @param operations the program, on qubits {@code 0 .. qubits.length-1}
 * @param dynamic whether the program has control flow or acts on a qubit after measuring it, so that it
 *     cannot be simulated once and sampled for every shot
 */
public record NoisyCircuit(Circuit source, int[] qubits, List<Operation> operations, boolean dynamic) {

    public NoisyCircuit {
        Objects.requireNonNull(source, "source");
        qubits = qubits.clone();
        operations = List.copyOf(operations);
    }

    /** The number of qubits simulated (those the circuit uses). */
    public int numQubits() {
        return qubits.length;
    }

    /** One step of a noisy program. */
    public sealed interface Operation permits Gate, Channel, Measurement, QubitReset, Branch, Loop {
    }

    /** A unitary on qubits (the first qubit is the least-significant bit of the matrix index). */
    public record Gate(String name, Matrix matrix, List<Integer> qubits) implements Operation {
        public Gate {
            qubits = List.copyOf(qubits);
        }
    }

    /** A noise channel on qubits (the first qubit is the least-significant bit of the Kraus operators). */
    public record Channel(KrausChannel channel, List<Integer> qubits) implements Operation {
        public Channel {
            Objects.requireNonNull(channel, "channel");
            qubits = List.copyOf(qubits);
            if (qubits.size() != channel.numQubits()) {
                throw new IllegalArgumentException("channel " + channel.name() + " acts on " + channel.numQubits()
                        + " qubits, given " + qubits.size());
            }
        }
    }

    /** A measurement of a qubit into a classical bit, misread with {@code readout}. */
    public record Measurement(int qubit, int clbit, ReadoutError readout) implements Operation {
    }

    /** A reset of a qubit to |0>. */
    public record QubitReset(int qubit) implements Operation {
    }

    /** Runs one of two blocks depending on the classical bits. */
    public record Branch(Condition condition, List<Operation> thenOps, List<Operation> elseOps) implements Operation {
        public Branch {
            thenOps = List.copyOf(thenOps);
            elseOps = List.copyOf(elseOps);
        }
    }

    /** Repeats a block while the condition on the classical bits holds. */
    public record Loop(Condition condition, List<Operation> body) implements Operation {
        public Loop {
            body = List.copyOf(body);
        }
    }

    /**
     * Prepares {@code circuit} for simulation under {@code noise}.
     *
     * @throws SimulationException if a parameter is unbound, a gate is opaque, or the noise model does not fit a gate
     */
    public static NoisyCircuit of(Circuit circuit, NoiseModel noise) {
        if (!circuit.isBound()) {
            throw new SimulationException("unbound parameter" + (circuit.parameters().size() == 1 ? " " : "s ")
                    + String.join(", ", circuit.parameters()) + ": bind them with Circuit.bind(...) before running");
        }
        Circuit expanded = circuit.decompose(op -> op.qubits().size() <= 2);
        TreeSet<Integer> used = new TreeSet<>();
        collectQubits(expanded.instructions(), used);
        int[] original = used.stream().mapToInt(Integer::intValue).toArray();
        int[] compact = new int[Math.max(1, circuit.numQubits())];
        for (int k = 0; k < original.length; k++) {
            compact[original[k]] = k;
        }
        Compiler compiler = new Compiler(noise, compact);
        List<Operation> ops = compiler.block(expanded.instructions());
        return new NoisyCircuit(circuit, original, ops, compiler.dynamic);
    }

    private static void collectQubits(List<Instruction> block, TreeSet<Integer> used) {
        for (Instruction i : block) {
            switch (i) {
                case Barrier b -> {
                }
                case IfElse f -> {
                    collectQubits(f.thenBody(), used);
                    collectQubits(f.elseBody(), used);
                }
                case WhileLoop w -> collectQubits(w.body(), used);
                default -> used.addAll(i.qubits());
            }
        }
    }

    /** Turns instructions into operations, tracking whether the program is dynamic. */
    private static final class Compiler {
        private final NoiseModel noise;
        private final int[] compact;
        private final boolean[] measured;
        private boolean dynamic;

        Compiler(NoiseModel noise, int[] compact) {
            this.noise = noise;
            this.compact = compact;
            this.measured = new boolean[compact.length];
        }

        List<Operation> block(List<Instruction> instructions) {
            List<Operation> out = new ArrayList<>(instructions.size() * 2);
            for (Instruction i : instructions) {
                switch (i) {
                    case Barrier b -> {
                    }
                    case GateOp op -> gate(op, out);
                    case Measure m -> {
                        measured[m.qubit()] = true;
                        out.add(new Measurement(compact[m.qubit()], m.clbit(), noise.readoutError(m.qubit())));
                    }
                    case Reset r -> {
                        touch(r.qubits());
                        out.add(new QubitReset(compact[r.qubit()]));
                    }
                    case IfElse f -> {
                        dynamic = true;
                        out.add(new Branch(f.condition(), block(f.thenBody()), block(f.elseBody())));
                    }
                    case WhileLoop w -> {
                        dynamic = true;
                        out.add(new Loop(w.condition(), block(w.body())));
                    }
                }
            }
            return out;
        }

        private void gate(GateOp op, List<Operation> out) {
            if (op.qubits().isEmpty()) {
                return; // a global phase: no observable effect
            }
            touch(op.qubits());
            Matrix m;
            try {
                m = op.matrix();
            } catch (UnsupportedOperationException e) {
                throw new SimulationException("gate " + op.gate().qasmName() + " is opaque: its unitary is unknown", e);
            }
            String name = op.gate().qasmName();
            out.add(new Gate(name, m, map(op.qubits())));
            List<Channel> errors;
            try {
                errors = noise.errorsAfter(name, op.qubits());
            } catch (IllegalArgumentException e) {
                throw new SimulationException(e.getMessage(), e);
            }
            for (Channel c : errors) {
                out.add(new Channel(c.channel(), map(c.qubits())));
            }
        }

        private void touch(List<Integer> qs) {
            for (int q : qs) {
                if (measured[q]) {
                    dynamic = true;
                }
            }
        }

        private List<Integer> map(List<Integer> qs) {
            List<Integer> out = new ArrayList<>(qs.size());
            for (int q : qs) {
                out.add(compact[q]);
            }
            return out;
        }
    }
}
