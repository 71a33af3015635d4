package io.qexec.circuit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs one of two blocks depending on a classical condition. OpenQASM 2's {@code if (c == n) op;} is an
 * {@code IfElse} with one operation and an empty else block.
 *
 * @param condition the test
 * @param thenBody what runs when the test holds
 * @param elseBody what runs otherwise (often empty)
 */
public record IfElse(Condition condition, List<Instruction> thenBody, List<Instruction> elseBody) implements Instruction {
    public IfElse {
        java.util.Objects.requireNonNull(condition, "condition");
        thenBody = List.copyOf(thenBody);
        elseBody = List.copyOf(elseBody);
    }

    /** A condition guarding a single operation, as in OpenQASM 2. */
    public static IfElse guard(Condition condition, Instruction body) {
        return new IfElse(condition, List.of(body), List.of());
    }

    @Override
    public List<Integer> qubits() {
        Set<Integer> qs = new TreeSet<>();
        for (Instruction i : thenBody) {
            qs.addAll(i.qubits());
        }
        for (Instruction i : elseBody) {
            qs.addAll(i.qubits());
        }
        return List.copyOf(qs);
    }

    @Override
    public List<Integer> clbits() {
        Set<Integer> cs = new LinkedHashSet<>(condition.clbits());
        for (Instruction i : thenBody) {
            cs.addAll(i.clbits());
        }
        for (Instruction i : elseBody) {
            cs.addAll(i.clbits());
        }
        return List.copyOf(cs);
    }

    @Override
    public IfElse substitute(Map<String, Expr> replacements) {
        return new IfElse(condition, Blocks.substitute(thenBody, replacements), Blocks.substitute(elseBody, replacements));
    }

    @Override
    public IfElse remap(int[] qubitMap, int[] clbitMap) {
        return new IfElse(condition.remap(clbitMap), Blocks.remap(thenBody, qubitMap, clbitMap),
                Blocks.remap(elseBody, qubitMap, clbitMap));
    }

    @Override
    public void collectParameters(Set<String> names) {
        thenBody.forEach(i -> i.collectParameters(names));
        elseBody.forEach(i -> i.collectParameters(names));
    }

    /** Shared block operations for control-flow instructions. */
    static final class Blocks {
        private Blocks() {
        }

        static List<Instruction> substitute(List<Instruction> block, Map<String, Expr> replacements) {
            List<Instruction> out = new ArrayList<>(block.size());
            for (Instruction i : block) {
                out.add(i.substitute(replacements));
            }
            return out;
        }

        static List<Instruction> remap(List<Instruction> block, int[] qubitMap, int[] clbitMap) {
            List<Instruction> out = new ArrayList<>(block.size());
            for (Instruction i : block) {
                out.add(i.remap(qubitMap, clbitMap));
            }
            return out;
        }
    }
}
