package io.qexec.qasm;

import io.qexec.circuit.Circuit;
import io.qexec.circuit.GateOp;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Matrix;
import java.util.List;

/** Test helper: the unitary of a circuit of gates (barriers ignored), by applying each gate's matrix. */
final class Unitaries {
    private Unitaries() {
    }

    static Matrix of(Circuit circuit) {
        int n = circuit.numQubits();
        int d = 1 << n;
        double[] re = new double[d * d];
        double[] im = new double[d * d];
        for (int i = 0; i < d; i++) {
            re[i * d + i] = 1;
        }
        for (Instruction instruction : circuit.instructions()) {
            if (instruction instanceof GateOp op) {
                apply(op.matrix(), op.qubits(), re, im, d);
            } else if (!(instruction instanceof io.qexec.circuit.Barrier)) {
                throw new IllegalArgumentException("not a unitary circuit: " + instruction);
            }
        }
        return Matrix.of(re, im);
    }

    /** Left-multiplies the d x d matrix (re, im) by {@code m} acting on {@code qubits} (first = least significant). */
    private static void apply(Matrix m, List<Integer> qubits, double[] re, double[] im, int d) {
        int k = qubits.size();
        int g = 1 << k;
        int[] offsets = new int[g];
        for (int a = 0; a < g; a++) {
            int off = 0;
            for (int b = 0; b < k; b++) {
                if ((a >> b & 1) != 0) {
                    off |= 1 << qubits.get(b);
                }
            }
            offsets[a] = off;
        }
        int mask = 0;
        for (int q : qubits) {
            mask |= 1 << q;
        }
        double[] vr = new double[g];
        double[] vi = new double[g];
        for (int col = 0; col < d; col++) {
            for (int base = 0; base < d; base++) {
                if ((base & mask) != 0) {
                    continue;
                }
                for (int a = 0; a < g; a++) {
                    vr[a] = re[(base | offsets[a]) * d + col];
                    vi[a] = im[(base | offsets[a]) * d + col];
                }
                for (int r = 0; r < g; r++) {
                    double sr = 0;
                    double si = 0;
                    for (int c = 0; c < g; c++) {
                        double mr = m.re(r, c);
                        double mi = m.im(r, c);
                        sr += mr * vr[c] - mi * vi[c];
                        si += mr * vi[c] + mi * vr[c];
                    }
                    re[(base | offsets[r]) * d + col] = sr;
                    im[(base | offsets[r]) * d + col] = si;
                }
            }
        }
    }
}
