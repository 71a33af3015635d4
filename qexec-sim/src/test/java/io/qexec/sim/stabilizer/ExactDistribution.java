package io.qexec.sim.stabilizer;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.circuit.WhileLoop;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Exact outcome distributions of small circuits, by walking every measurement branch. */
final class ExactDistribution {
    private ExactDistribution() {
    }

    /** The distribution from the stabilizer engine: every random measurement is a fair coin, scripted. */
    static Map<String, Double> tableau(Circuit circuit) {
        Program program = CircuitTranslator.translate(circuit);
        Map<String, Double> out = new HashMap<>();
        walk(program, circuit, new ArrayList<>(), out);
        return out;
    }

    private static void walk(Program program, Circuit circuit, List<Boolean> script, Map<String, Double> out) {
        ScriptedRandom rng = new ScriptedRandom(script);
        boolean[] bits = TableauRunner.runShot(program, rng);
        List<Boolean> used = rng.used;
        out.merge(format(circuit, bits), Math.pow(0.5, used.size()), Double::sum);
        for (int i = script.size(); i < used.size(); i++) {
            List<Boolean> next = new ArrayList<>(used.subList(0, i));
            next.add(true);
            walk(program, circuit, next, out);
        }
    }

    /** The distribution from a dense state vector, gate by gate with each gate's exact unitary. */
    static Map<String, Double> dense(Circuit circuit) {
        Map<String, Double> out = new HashMap<>();
        walkDense(circuit, List.of(new Frame(circuit.instructions(), 0)), new DenseState(circuit.numQubits()),
                new boolean[circuit.numClbits()], 1.0, out);
        return out;
    }

    private record Frame(List<Instruction> block, int index) {
    }

    private static void walkDense(Circuit circuit, List<Frame> stack, DenseState state, boolean[] bits, double weight,
                                  Map<String, Double> out) {
        if (weight < 1e-12) {
            return;
        }
        if (stack.isEmpty()) {
            out.merge(format(circuit, bits), weight, Double::sum);
            return;
        }
        Frame top = stack.get(stack.size() - 1);
        List<Frame> rest = new ArrayList<>(stack.subList(0, stack.size() - 1));
        if (top.index() >= top.block().size()) {
            walkDense(circuit, rest, state, bits, weight, out);
            return;
        }
        Instruction ins = top.block().get(top.index());
        List<Frame> after = new ArrayList<>(rest);
        after.add(new Frame(top.block(), top.index() + 1));
        switch (ins) {
            case GateOp op -> {
                if (op.gate().numQubits() > 0) {
                    state.apply(op.matrix(), op.qubits().stream().mapToInt(Integer::intValue).toArray());
                }
                walkDense(circuit, after, state, bits, weight, out);
            }
            case Barrier b -> walkDense(circuit, after, state, bits, weight, out);
            case Measure m -> {
                double p1 = state.probabilityOne(m.qubit());
                for (boolean outcome : new boolean[] {false, true}) {
                    double p = outcome ? p1 : 1 - p1;
                    if (p > 1e-12) {
                        DenseState s = state.copy();
                        s.project(m.qubit(), outcome);
                        boolean[] b = bits.clone();
                        b[m.clbit()] = outcome;
                        walkDense(circuit, after, s, b, weight * p, out);
                    }
                }
            }
            case Reset r -> {
                double p1 = state.probabilityOne(r.qubit());
                for (boolean outcome : new boolean[] {false, true}) {
                    double p = outcome ? p1 : 1 - p1;
                    if (p > 1e-12) {
                        DenseState s = state.copy();
                        s.project(r.qubit(), outcome);
                        if (outcome) {
                            s.flip(r.qubit());
                        }
                        walkDense(circuit, after, s, bits.clone(), weight * p, out);
                    }
                }
            }
            case IfElse f -> {
                after.add(new Frame(f.condition().test(bits) ? f.thenBody() : f.elseBody(), 0));
                walkDense(circuit, after, state, bits, weight, out);
            }
            case WhileLoop w -> throw new UnsupportedOperationException("no exact walk through loops");
        }
    }

    static String format(Circuit circuit, boolean[] bits) {
        BitSet set = new BitSet();
        for (int i = 0; i < bits.length; i++) {
            set.set(i, bits[i]);
        }
        return Bitstrings.format(circuit.classicalRegisters(), set);
    }
}
