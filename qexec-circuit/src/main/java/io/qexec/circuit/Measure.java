package io.qexec.circuit;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures a qubit in the computational basis into a classical bit.
 *
 * @param qubit the qubit
 * @param clbit the classical bit that receives the outcome
 */
public record Measure(int qubit, int clbit) implements Instruction {
    public Measure {
        if (qubit < 0 || clbit < 0) {
            throw new IllegalArgumentException("negative index in measure " + qubit + " -> " + clbit);
        }
    }

    @Override
    public List<Integer> qubits() {
        return List.of(qubit);
    }

    @Override
    public List<Integer> clbits() {
        return List.of(clbit);
    }

    @Override
    public Measure substitute(Map<String, Expr> replacements) {
        return this;
    }

    @Override
    public Measure remap(int[] qubitMap, int[] clbitMap) {
        return new Measure(qubitMap[qubit], clbitMap[clbit]);
    }

    @Override
    public void collectParameters(Set<String> names) {
    }
}
