package io.qexec.sim.statevector;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.DefinedGate;
import io.qexec.circuit.Expr;
import io.qexec.circuit.GateModifier;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Matrix;
import io.qexec.circuit.Measure;
import io.qexec.circuit.ModifiedGate;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.UnboundParameterException;
import io.qexec.circuit.WhileLoop;
import io.qexec.sim.SimulationException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates circuit instructions into engine gates and steps. Library gates become their
 * matrices, controlled modifiers become controls (so {@code ctrl(5) @ x} stays a permutation),
 * user-defined gates are expanded through their definitions, and other modified gates use their
 * matrix when small or their definition otherwise.
 */
final class CircuitTranslator {
    /** Widest gate whose matrix is used directly instead of its definition. */
    private static final int MAX_MATRIX_QUBITS = 6;

    private final FusionOptions fusion;
    private final boolean vector;

    CircuitTranslator(FusionOptions fusion, boolean vector) {
        this.fusion = fusion;
        this.vector = vector;
    }

    /** Engine gates for one gate operation, appended to {@code out}. */
    static void gates(GateOp op, List<Gate> out) {
        double[] params;
        try {
            params = op.paramValues();
        } catch (UnboundParameterException e) {
            throw new SimulationException("cannot simulate " + op + ": " + e.getMessage()
                    + "; bind the circuit's parameters first", e);
        }
        int[] qubits = op.qubits().stream().mapToInt(Integer::intValue).toArray();
        gates(op.gate(), params, qubits, new int[0], out);
    }

    private static void gates(io.qexec.circuit.Gate g, double[] params, int[] qubits, int[] controls, List<Gate> out) {
        switch (g) {
            case StandardGate s -> {
                if (s != StandardGate.ID) {
                    out.add(new Gate(controls, qubits, convert(s.matrix(params))));
                }
            }
            case ModifiedGate m when m.modifier() instanceof GateModifier.Control c -> {
                int k = c.count();
                int[] ctrl = new int[controls.length + k];
                System.arraycopy(controls, 0, ctrl, 0, controls.length);
                System.arraycopy(qubits, 0, ctrl, controls.length, k);
                int[] rest = java.util.Arrays.copyOfRange(qubits, k, qubits.length);
                if (c.negated()) {
                    flip(qubits, k, controls, out);
                }
                gates(m.base(), params, rest, ctrl, out);
                if (c.negated()) {
                    flip(qubits, k, controls, out);
                }
            }
            case ModifiedGate m -> {
                if (m.numQubits() <= MAX_MATRIX_QUBITS || m.definition().isEmpty()) {
                    out.add(new Gate(controls, qubits, convert(matrixOf(m, params))));
                } else {
                    definition(m, params, qubits, controls, out);
                }
            }
            case DefinedGate d -> {
                if (d.opaque() || d.definition().isEmpty()) {
                    throw new SimulationException("opaque gate " + d.name() + " has no definition, so it cannot be"
                            + " simulated; define it with a gate body");
                }
                definition(d, params, qubits, controls, out);
            }
        }
    }

    private static Matrix matrixOf(io.qexec.circuit.Gate g, double[] params) {
        try {
            return g.matrix(params);
        } catch (UnsupportedOperationException e) {
            throw new SimulationException("gate " + g.qasmName() + " has no unitary: " + e.getMessage(), e);
        }
    }

    private static void flip(int[] qubits, int k, int[] controls, List<Gate> out) {
        for (int i = 0; i < k; i++) {
            out.add(new Gate(controls, new int[] {qubits[i]}, Matrices.x()));
        }
    }

    private static void definition(io.qexec.circuit.Gate g, double[] params, int[] qubits, int[] controls,
            List<Gate> out) {
        Map<String, Expr> actual = new HashMap<>();
        List<String> formal = g.parameterNames();
        for (int i = 0; i < formal.size(); i++) {
            actual.put(formal.get(i), Expr.constant(params[i]));
        }
        for (Instruction inner : g.definition()) {
            Instruction placed = inner.substitute(actual).remap(qubits, new int[0]);
            switch (placed) {
                case GateOp op -> {
                    double[] p;
                    try {
                        p = op.paramValues();
                    } catch (UnboundParameterException e) {
                        throw new SimulationException("cannot simulate gate " + g.qasmName() + ": " + e.getMessage(), e);
                    }
                    int[] qs = op.qubits().stream().mapToInt(Integer::intValue).toArray();
                    gates(op.gate(), p, qs, controls, out);
                }
                case Barrier b -> {
                }
                default -> throw new SimulationException("gate " + g.qasmName() + " contains " + placed
                        + ", which a gate body may not hold");
            }
        }
    }

    static ComplexMatrix convert(Matrix m) {
        return new ComplexMatrix(m.dimension(), m.realParts(), m.imaginaryParts());
    }

    /**
     * Compiles a block of instructions into steps. Consecutive gates form one fused unitary
     * segment; swaps are renamed only at the top level ({@code relabel}), so that every branch
     * of a conditional leaves the layout as it found it.
     */
    List<Step> steps(List<Instruction> block, int[] layout, boolean relabel) {
        Fuser fuser = new Fuser(relabel ? fusion
                : new FusionOptions(fusion.maxFusedQubits(), fusion.maxDiagonalQubits(), false), vector);
        List<Step> out = new ArrayList<>();
        List<Gate> pending = new ArrayList<>();
        for (Instruction i : block) {
            switch (i) {
                case GateOp op -> gates(op, pending);
                case Barrier b -> {
                }
                case Measure m -> {
                    flush(pending, fuser, layout, out);
                    out.add(new Step.Measure(m.qubit(), m.clbit()));
                }
                case Reset r -> {
                    flush(pending, fuser, layout, out);
                    out.add(new Step.Reset(r.qubit()));
                }
                case IfElse f -> {
                    flush(pending, fuser, layout, out);
                    out.add(new Step.If(f.condition(), steps(f.thenBody(), layout.clone(), false),
                            steps(f.elseBody(), layout.clone(), false)));
                }
                case WhileLoop w -> {
                    flush(pending, fuser, layout, out);
                    out.add(new Step.While(w.condition(), steps(w.body(), layout.clone(), false)));
                }
            }
        }
        flush(pending, fuser, layout, out);
        return out;
    }

    private static void flush(List<Gate> pending, Fuser fuser, int[] layout, List<Step> out) {
        if (pending.isEmpty()) {
            return;
        }
        List<Kernel> kernels = fuser.compile(pending, layout);
        out.add(new Step.Unitary(List.copyOf(kernels), layout.clone()));
        pending.clear();
    }
}
