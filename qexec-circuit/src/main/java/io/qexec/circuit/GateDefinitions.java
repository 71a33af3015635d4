package io.qexec.circuit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Operations on gate bodies: their unitary, and exact inverse, power and controlled versions. */
final class GateDefinitions {
    private GateDefinitions() {
    }

    /**
     * The unitary of a gate body on {@code numQubits} qubits, with the formal parameters bound to
     * {@code values}. Barriers are ignored; anything but gates and barriers is an error.
     */
    static Matrix unitary(List<Instruction> body, int numQubits, Map<String, Double> values) {
        int d = 1 << numQubits;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int k = 0; k < d; k++) {
            re[k * d + k] = 1;
        }
        for (Instruction instruction : body) {
            switch (instruction) {
                case GateOp op -> {
                    double[] params = new double[op.params().size()];
                    for (int i = 0; i < params.length; i++) {
                        params[i] = op.params().get(i).evaluate(values);
                    }
                    applyToColumns(op.gate().matrix(params), op.qubits(), re, im, d);
                }
                case Barrier b -> {
                }
                default -> throw new IllegalArgumentException(
                        "a gate body can hold only gates and barriers, found " + instruction.getClass().getSimpleName());
            }
        }
        return Matrix.of(re, im);
    }

    /** Left-multiplies the row-major d x d matrix (re, im) by gate {@code m} acting on {@code qubits}. */
    private static void applyToColumns(Matrix m, List<Integer> qubits, double[] re, double[] im, int d) {
        int k = qubits.size();
        int sub = 1 << k;
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        int[] offsets = new int[sub];
        for (int s = 0; s < sub; s++) {
            int off = 0;
            for (int b = 0; b < k; b++) {
                if ((s >> b & 1) == 1) {
                    off |= 1 << qubits.get(b);
                }
            }
            offsets[s] = off;
        }
        double[] vr = new double[sub];
        double[] vi = new double[sub];
        for (int col = 0; col < d; col++) {
            for (int base = 0; base < d; base++) {
                if ((base & mask) != 0) {
                    continue;
                }
                for (int s = 0; s < sub; s++) {
                    int row = base | offsets[s];
                    vr[s] = re[row * d + col];
                    vi[s] = im[row * d + col];
                }
                for (int s = 0; s < sub; s++) {
                    double ar = 0;
                    double ai = 0;
                    for (int t = 0; t < sub; t++) {
                        double mr = m.re(s, t);
                        double mi = m.im(s, t);
                        ar += mr * vr[t] - mi * vi[t];
                        ai += mr * vi[t] + mi * vr[t];
                    }
                    int row = base | offsets[s];
                    re[row * d + col] = ar;
                    im[row * d + col] = ai;
                }
            }
        }
    }

    /** The body of the inverse: operations reversed, each inverted. */
    static List<Instruction> inverse(List<Instruction> body) {
        List<Instruction> out = new ArrayList<>(body.size());
        for (Instruction instruction : body) {
            out.add(instruction instanceof GateOp op ? inverse(op) : instruction);
        }
        Collections.reverse(out);
        return out;
    }

    /** The inverse of one operation, as a library gate where one exists. */
    static GateOp inverse(GateOp op) {
        List<Expr> p = op.params();
        if (op.gate() instanceof StandardGate g) {
            switch (g) {
                case RX, RY, RZ, P, U1, U0, GPHASE, CRX, CRY, CRZ, CP, CU1, RXX, RYY, RZZ, RZX:
                    return new GateOp(g, List.of(p.get(0).negate()), op.qubits());
                case U3, U:
                    return new GateOp(g, List.of(p.get(0).negate(), p.get(2).negate(), p.get(1).negate()), op.qubits());
                case U2:
                    return new GateOp(StandardGate.U3,
                            List.of(Expr.constant(-Math.PI / 2), p.get(1).negate(), p.get(0).negate()), op.qubits());
                case CU3:
                    return new GateOp(g, List.of(p.get(0).negate(), p.get(2).negate(), p.get(1).negate()), op.qubits());
                case CU:
                    return new GateOp(g, List.of(p.get(0).negate(), p.get(2).negate(), p.get(1).negate(), p.get(3).negate()),
                            op.qubits());
                default:
                    break;
            }
        }
        return new GateOp(ModifiedGate.of(op.gate(), new GateModifier.Inverse()), p, op.qubits());
    }

    /** The body of an integer power: the body repeated, or the inverse repeated for a negative power. */
    static List<Instruction> power(List<Instruction> body, int exponent) {
        List<Instruction> unit = exponent < 0 ? inverse(body) : body;
        List<Instruction> out = new ArrayList<>(unit.size() * Math.abs(exponent));
        for (int i = 0; i < Math.abs(exponent); i++) {
            out.addAll(unit);
        }
        return out;
    }

    /** The body with every operation controlled on new qubits {@code 0..count-1}; the old qubits move up. */
    static List<Instruction> controlled(List<Instruction> body, GateModifier.Control control) {
        int n = control.count();
        List<Instruction> out = new ArrayList<>(body.size());
        for (Instruction instruction : body) {
            switch (instruction) {
                case GateOp op -> {
                    List<Integer> qubits = new ArrayList<>(n + op.qubits().size());
                    for (int c = 0; c < n; c++) {
                        qubits.add(c);
                    }
                    if (op.gate() == StandardGate.GPHASE && !control.negated() && n == 1) {
                        out.add(new GateOp(StandardGate.P, op.params(), qubits));
                        continue;
                    }
                    for (int q : op.qubits()) {
                        qubits.add(q + n);
                    }
                    out.add(new GateOp(ModifiedGate.of(op.gate(), control), op.params(), qubits));
                }
                case Barrier b -> {
                    List<Integer> qubits = new ArrayList<>();
                    for (int q : b.qubits()) {
                        qubits.add(q + n);
                    }
                    out.add(new Barrier(qubits));
                }
                default -> throw new IllegalArgumentException("a gate body can hold only gates and barriers");
            }
        }
        return out;
    }
}
