package io.qexec.circuit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Resets a qubit to |0>.
 *
 * @param qubit the qubit
 */
public record Reset(int qubit) implements Instruction {
    public Reset {
        if (qubit < 0) {
            throw new IllegalArgumentException("negative qubit index " + qubit);
        }
    }

    @Override
    public List<Integer> qubits() {
        return List.of(qubit);
    }

    @Override
    public List<Integer> clbits() {
        return List.of();
    }

    @Override
    public Reset substitute(Map<String, Expr> replacements) {
        return this;
    }

    @Override
    public Reset remap(int[] qubitMap, int[] clbitMap) {
        return new Reset(qubitMap[qubit]);
    }

    @Override
    public void collectParameters(Set<String> names) {
    }
}
