package io.qexec.sim.statevector;

import java.util.ArrayList;
import java.util.List;

/**
 * Evaluates the part of a circuit that acts on a computational basis state without creating superposition,
 * so that no pass over the statevector is spent on it. A simulation starts in |0...0>; each qubit stays in
 * a known basis state until a gate that mixes it (h, rx, ...) touches it. Until then:
 *
 * <ul>
 *   <li>a gate on known qubits only whose matrix sends the current basis state to one basis state (x, cx,
 *       ccx, swap, y, any diagonal, ...) just changes the known bits and multiplies a global phase;</li>
 *   <li>a gate with a control known to be 0 does nothing;</li>
 *   <li>a diagonal gate leaves every qubit's known state known (it only changes phases).</li>
 * </ul>
 *
 * Any other gate is kept, and its targets stop being known. A kept gate would see the known bits as they are
 * after the whole prefix, not as they were at its own place, so a qubit a kept gate touches is never folded
 * again (its value stays known for the control rule: kept gates leave it unchanged). The kept gates, applied
 * to the basis state
 * {@link #index()} with amplitude {@link #phaseRe()} + i {@link #phaseIm()}, give exactly the state the whole
 * gate list gives from |0...0>.
 *
 * @param index the basis state (bit q is logical qubit q) the folded prefix leads to
 * @param phaseRe real part of that basis state's amplitude
 * @param phaseIm imaginary part of that basis state's amplitude
 * @param rest the gates still to apply, in order
 */
record BasisPrefix(int index, double phaseRe, double phaseIm, List<Gate> rest) {

    /** Folds what can be folded of {@code gates}, applied to |0...0>. */
    static BasisPrefix fold(List<Gate> gates) {
        int bits = 0;
        int known = -1; // every qubit starts in |0>
        int foldable = -1; // known and untouched by any kept gate
        double pr = 1;
        double pi = 0;
        List<Gate> rest = new ArrayList<>(gates.size());
        for (Gate g : gates) {
            int mask = g.qubitMask();
            if ((g.controlMask() & known & ~bits) != 0) {
                continue; // a control is known to be 0: the gate is the identity here
            }
            if ((mask & ~foldable) == 0) {
                ComplexMatrix m = g.fullMatrix();
                int[] qubits = g.fullQubits();
                int column = 0;
                for (int j = 0; j < qubits.length; j++) {
                    column |= ((bits >>> qubits[j]) & 1) << j;
                }
                int row = onlyNonZeroRow(m, column);
                if (row >= 0) {
                    double er = m.re[row * m.dim + column];
                    double ei = m.im[row * m.dim + column];
                    double t = pr * er - pi * ei;
                    pi = pr * ei + pi * er;
                    pr = t;
                    for (int j = 0; j < qubits.length; j++) {
                        bits = (bits & ~(1 << qubits[j])) | ((row >>> j) & 1) << qubits[j];
                    }
                    continue;
                }
            }
            rest.add(g);
            foldable &= ~mask;
            if (!g.isDiagonal()) {
                for (int q : g.targets()) {
                    known &= ~(1 << q);
                }
            }
        }
        return new BasisPrefix(bits, pr, pi, rest);
    }

    /** The row of the only non-zero entry of {@code column}, or -1 when the column has several. */
    private static int onlyNonZeroRow(ComplexMatrix m, int column) {
        int found = -1;
        for (int r = 0; r < m.dim; r++) {
            double re = m.re[r * m.dim + column];
            double im = m.im[r * m.dim + column];
            if (Math.abs(re) > ComplexMatrix.EXACT || Math.abs(im) > ComplexMatrix.EXACT) {
                if (found >= 0) {
                    return -1;
                }
                found = r;
            }
        }
        return found;
    }

    /** Writes the folded basis state into {@code state}, which must hold |0...0> with the identity layout. */
    void prepare(State state) {
        state.re[0] = 0;
        int physical = 0;
        for (int q = 0; q < state.n; q++) {
            physical |= ((index >>> q) & 1) << state.layout[q];
        }
        state.re[physical] = phaseRe;
        state.im[physical] = phaseIm;
    }
}
