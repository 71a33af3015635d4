package io.qexec.circuit;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Repeats a block while a classical condition holds (dynamic circuits, e.g. repeat-until-success).
 *
 * @param condition tested before each iteration
 * @param body the repeated block
 */
public record WhileLoop(Condition condition, List<Instruction> body) implements Instruction {
    public WhileLoop {
        java.util.Objects.requireNonNull(condition, "condition");
        body = List.copyOf(body);
    }

    @Override
    public List<Integer> qubits() {
        Set<Integer> qs = new TreeSet<>();
        for (Instruction i : body) {
            qs.addAll(i.qubits());
        }
        return List.copyOf(qs);
    }

    @Override
    public List<Integer> clbits() {
        Set<Integer> cs = new LinkedHashSet<>(condition.clbits());
        for (Instruction i : body) {
            cs.addAll(i.clbits());
        }
        return List.copyOf(cs);
    }

    @Override
    public WhileLoop substitute(Map<String, Expr> replacements) {
        return new WhileLoop(condition, IfElse.Blocks.substitute(body, replacements));
    }

    @Override
    public WhileLoop remap(int[] qubitMap, int[] clbitMap) {
        return new WhileLoop(condition.remap(clbitMap), IfElse.Blocks.remap(body, qubitMap, clbitMap));
    }

    @Override
    public void collectParameters(Set<String> names) {
        body.forEach(i -> i.collectParameters(names));
    }
}
