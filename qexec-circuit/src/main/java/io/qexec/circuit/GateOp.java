package io.qexec.circuit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A gate applied to qubits with parameter expressions.
 *
 * @param gate the gate
 * @param params one expression per gate parameter
 * @param qubits the qubit arguments, in order (the first is the least-significant bit of the gate's matrix)
 */
public record GateOp(Gate gate, List<Expr> params, List<Integer> qubits) implements Instruction {

    public GateOp {
        Objects.requireNonNull(gate, "gate");
        params = List.copyOf(params);
        qubits = List.copyOf(qubits);
        if (params.size() != gate.numParams()) {
            throw new IllegalArgumentException("gate " + gate.qasmName() + " takes " + gate.numParams() + " parameter"
                    + (gate.numParams() == 1 ? "" : "s") + ", got " + params.size());
        }
        if (qubits.size() != gate.numQubits()) {
            throw new IllegalArgumentException("gate " + gate.qasmName() + " acts on " + gate.numQubits() + " qubit"
                    + (gate.numQubits() == 1 ? "" : "s") + ", got " + qubits.size());
        }
        // Gates are small: a pairwise check is much cheaper than a hash set (this runs for every gate read).
        for (int i = 1; i < qubits.size(); i++) {
            int q = qubits.get(i);
            for (int j = 0; j < i; j++) {
                if (qubits.get(j) == q) {
                    throw new IllegalArgumentException("gate " + gate.qasmName() + " uses qubit " + q + " more than once");
                }
            }
        }
    }

    /** A gate with constant parameters. */
    public static GateOp of(Gate gate, double[] params, int... qubits) {
        List<Expr> exprs = new ArrayList<>(params.length);
        for (double p : params) {
            exprs.add(Expr.constant(p));
        }
        List<Integer> qs = new ArrayList<>(qubits.length);
        for (int q : qubits) {
            qs.add(q);
        }
        return new GateOp(gate, exprs, qs);
    }

    /**
     * The parameter values.
     *
     * @throws UnboundParameterException if a parameter is symbolic
     */
    public double[] paramValues() {
        double[] values = new double[params.size()];
        for (int i = 0; i < values.length; i++) {
            Expr p = params.get(i);
            if (!p.isConstant()) {
                throw new UnboundParameterException(p.parameters());
            }
            values[i] = p.value();
        }
        return values;
    }

    /** The unitary of this operation on its own qubits. */
    public Matrix matrix() {
        return gate.matrix(paramValues());
    }

    /** Whether this operation is a Clifford operation. */
    public boolean isClifford() {
        return gate.isClifford() || (gate instanceof StandardGate s && allConstant() && s.isCliffordFor(paramValues()));
    }

    private boolean allConstant() {
        for (Expr p : params) {
            if (!p.isConstant()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Integer> clbits() {
        return List.of();
    }

    @Override
    public GateOp substitute(Map<String, Expr> replacements) {
        List<Expr> bound = new ArrayList<>(params.size());
        for (Expr p : params) {
            bound.add(p.substitute(replacements));
        }
        return new GateOp(gate, bound, qubits);
    }

    @Override
    public GateOp remap(int[] qubitMap, int[] clbitMap) {
        List<Integer> qs = new ArrayList<>(qubits.size());
        for (int q : qubits) {
            qs.add(qubitMap[q]);
        }
        return new GateOp(gate, params, qs);
    }

    @Override
    public void collectParameters(Set<String> names) {
        for (Expr p : params) {
            p.collectParameters(names);
        }
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(gate.qasmName());
        if (!params.isEmpty()) {
            s.append('(');
            for (int i = 0; i < params.size(); i++) {
                s.append(i == 0 ? "" : ", ").append(params.get(i));
            }
            s.append(')');
        }
        return s.append(' ').append(qubits).toString();
    }
}
