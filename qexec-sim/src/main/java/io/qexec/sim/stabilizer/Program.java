package io.qexec.sim.stabilizer;

import java.util.List;

/**
 * A circuit translated for the stabilizer engine.
 *
 * @param numQubits the number of qubits
 * @param numClbits the number of classical bits
 * @param ops the steps, in order
 */
record Program(int numQubits, int numClbits, List<Op> ops) {

    Program {
        ops = List.copyOf(ops);
    }

    /**
     * Whether every shot can be drawn from one reference run by Pauli-frame propagation: no loops, and
     * every classically controlled block holds only Pauli gates (whose effect on a shot that takes the
     * other branch is a known Pauli). Anything else runs a tableau per shot.
     */
    boolean frameSampleable() {
        for (Op op : ops) {
            if (op instanceof Op.While) {
                return false;
            }
            if (op instanceof Op.If branch && !(onlyPaulis(branch.then()) && onlyPaulis(branch.otherwise()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean onlyPaulis(List<Op> block) {
        for (Op op : block) {
            if (!(op instanceof Op.Gate g && g.kind().isPauli())) {
                return false;
            }
        }
        return true;
    }
}
