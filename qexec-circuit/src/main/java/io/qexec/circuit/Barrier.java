package io.qexec.circuit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A barrier: a scheduling boundary with no effect on the state.
 *
 * @param qubits the qubits it spans
 */
public record Barrier(List<Integer> qubits) implements Instruction {
    public Barrier {
        qubits = List.copyOf(qubits);
    }

    @Override
    public List<Integer> clbits() {
        return List.of();
    }

    @Override
    public Barrier substitute(Map<String, Expr> replacements) {
        return this;
    }

    @Override
    public Barrier remap(int[] qubitMap, int[] clbitMap) {
        List<Integer> qs = new ArrayList<>(qubits.size());
        for (int q : qubits) {
            qs.add(qubitMap[q]);
        }
        return new Barrier(qs);
    }

    @Override
    public void collectParameters(Set<String> names) {
    }
}
