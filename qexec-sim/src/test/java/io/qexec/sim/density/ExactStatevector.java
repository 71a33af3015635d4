package io.qexec.sim.density;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Matrix;
import java.util.List;

/**
 * An independent reference for tests: the statevector of a gate-only circuit computed by multiplying each
 * gate, embedded into the full {@code 2^n x 2^n} space, into the state. Slow and plain on purpose.
 */
final class ExactStatevector {
    private ExactStatevector() {
    }

    /** The final state {@code [re, im]} of a circuit of gates (barriers and measurements are ignored). */
    static double[][] of(Circuit circuit) {
        int n = circuit.numQubits();
        int dim = 1 << n;
        double[] re = new double[dim];
        double[] im = new double[dim];
        re[0] = 1;
        for (Instruction i : circuit.instructions()) {
            if (i instanceof GateOp op) {
                Matrix full = embed(op.matrix(), op.qubits(), n);
                double[] nr = new double[dim];
                double[] ni = new double[dim];
                for (int r = 0; r < dim; r++) {
                    for (int c = 0; c < dim; c++) {
                        double ar = full.re(r, c);
                        double ai = full.im(r, c);
                        nr[r] += ar * re[c] - ai * im[c];
                        ni[r] += ar * im[c] + ai * re[c];
                    }
                }
                re = nr;
                im = ni;
            }
        }
        return new double[][] {re, im};
    }

    /** A gate on {@code qubits} as a matrix on all {@code n} qubits. */
    static Matrix embed(Matrix u, List<Integer> qubits, int n) {
        int dim = 1 << n;
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        double[] re = new double[dim * dim];
        double[] im = new double[dim * dim];
        for (int r = 0; r < dim; r++) {
            for (int c = 0; c < dim; c++) {
                if ((r & ~mask) != (c & ~mask)) {
                    continue;
                }
                int a = 0;
                int b = 0;
                for (int k = 0; k < qubits.size(); k++) {
                    a |= (r >> qubits.get(k) & 1) << k;
                    b |= (c >> qubits.get(k) & 1) << k;
                }
                re[r * dim + c] = u.re(a, b);
                im[r * dim + c] = u.im(a, b);
            }
        }
        return Matrix.of(re, im);
    }
}
