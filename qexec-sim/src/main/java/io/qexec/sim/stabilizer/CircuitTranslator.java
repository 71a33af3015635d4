package io.qexec.sim.stabilizer;

import io.qexec.circuit.Barrier;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.IfElse;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import io.qexec.circuit.Reset;
import io.qexec.circuit.StandardGate;
import io.qexec.circuit.UnboundParameterException;
import io.qexec.circuit.WhileLoop;
import io.qexec.sim.SimulationException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a circuit into a stabilizer {@link Program}, or fails naming the first operation that is not
 * Clifford.
 *
 * <p>Library gates with a dedicated rule map to it; every other gate whose unitary is Clifford (ecr,
 * rz/p/u at multiples of pi/2, cp(pi), user-defined gates with Clifford bodies, ...) maps to a
 * {@link CliffordTable} derived from its unitary. Identity and global-phase gates and barriers vanish.
 */
final class CircuitTranslator {
    private final Circuit circuit;
    private final Map<String, CliffordTable> tables = new HashMap<>();

    private CircuitTranslator(Circuit circuit) {
        this.circuit = circuit;
    }

    /**
     * Translates {@code circuit}.
     *
     * @throws SimulationException if a gate is not Clifford or a parameter is unbound
     */
    static Program translate(Circuit circuit) {
        try {
            circuit.requireBound();
        } catch (UnboundParameterException e) {
            throw new SimulationException(e.getMessage(), e);
        }
        CircuitTranslator t = new CircuitTranslator(circuit);
        List<Op> ops = new ArrayList<>();
        t.block(circuit.instructions(), "", ops);
        return new Program(circuit.numQubits(), circuit.numClbits(), ops);
    }

    private void block(List<Instruction> instructions, String context, List<Op> out) {
        for (int i = 0; i < instructions.size(); i++) {
            String where = "instruction " + i + context;
            switch (instructions.get(i)) {
                case GateOp op -> gate(op, where, out);
                case Measure m -> out.add(new Op.Measure(m.qubit(), m.clbit()));
                case Reset r -> out.add(new Op.Reset(r.qubit()));
                case Barrier b -> {
                }
                case IfElse f -> {
                    List<Op> then = new ArrayList<>();
                    List<Op> otherwise = new ArrayList<>();
                    block(f.thenBody(), " of the if block at " + where, then);
                    block(f.elseBody(), " of the else block at " + where, otherwise);
                    out.add(new Op.If(f.condition(), then, otherwise));
                }
                case WhileLoop w -> {
                    List<Op> body = new ArrayList<>();
                    block(w.body(), " of the while loop at " + where, body);
                    out.add(new Op.While(w.condition(), body));
                }
            }
        }
    }

    private void gate(GateOp op, String where, List<Op> out) {
        int[] q = op.qubits().stream().mapToInt(Integer::intValue).toArray();
        if (op.gate() instanceof StandardGate g) {
            GateKind kind = switch (g) {
                case X -> GateKind.X;
                case Y -> GateKind.Y;
                case Z -> GateKind.Z;
                case H -> GateKind.H;
                case S -> GateKind.S;
                case SDG -> GateKind.SDG;
                case SX -> GateKind.SX;
                case SXDG -> GateKind.SXDG;
                case CX -> GateKind.CX;
                case CY -> GateKind.CY;
                case CZ -> GateKind.CZ;
                case SWAP -> GateKind.SWAP;
                case ISWAP -> GateKind.ISWAP;
                default -> null;
            };
            if (kind != null) {
                out.add(new Op.Gate(kind, q[0], q.length > 1 ? q[1] : -1));
                return;
            }
            if (g == StandardGate.ID || g == StandardGate.GPHASE || g == StandardGate.U0) {
                return; // identity up to a global phase
            }
            if (!op.isClifford()) {
                throw notClifford(op, where);
            }
        }
        if (op.gate().numQubits() <= 3) {
            CliffordTable table = tableOf(op);
            if (table != null) {
                if (!isIdentity(table)) {
                    out.add(new Op.Table(table, q));
                }
                return;
            }
        }
        // a user-defined or modified gate that is not Clifford as a whole: look inside for the culprit
        List<Instruction> body = circuit.withInstructions(List.of(op)).decompose(o -> o != op).instructions();
        if (body.size() == 1 && body.get(0) == op) {
            throw notClifford(op, where);
        }
        block(body, " inside " + op.gate().qasmName() + " at " + where, out);
    }

    /** The table of a gate, or null when its unitary is unknown or not Clifford. */
    private CliffordTable tableOf(GateOp op) {
        double[] params = op.paramValues();
        String key = op.gate().qasmName() + Arrays.toString(params) + "/" + System.identityHashCode(op.gate());
        if (tables.containsKey(key)) {
            return tables.get(key);
        }
        CliffordTable table;
        try {
            table = CliffordTable.of(op.gate().matrix(params));
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            table = null;
        }
        tables.put(key, table);
        return table;
    }

    private static boolean isIdentity(CliffordTable table) {
        int codes = 1 << (2 * table.numQubits());
        for (int code = 0; code < codes; code++) {
            if (table.image(code) != code || table.negates(code)) {
                return false;
            }
        }
        return true;
    }

    private static SimulationException notClifford(GateOp op, String where) {
        return new SimulationException("the stabilizer method runs Clifford circuits only: gate "
                + op.gate().qasmName() + describeParams(op) + " on qubits " + op.qubits() + " at " + where
                + " is not a Clifford gate; use the statevector method for this circuit");
    }

    private static String describeParams(GateOp op) {
        if (op.params().isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < op.params().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(op.params().get(i));
        }
        return s.append(')').toString();
    }
}
