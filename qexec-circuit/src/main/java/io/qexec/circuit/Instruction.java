package io.qexec.circuit;

import java.util.List;
import java.util.Map;

/**
 * One step of a circuit. Qubits and classical bits are flat indices into the circuit's registers
 * (declaration order, then index within the register).
 */
public sealed interface Instruction permits GateOp, Measure, Reset, Barrier, IfElse, WhileLoop {

    /** The qubits this instruction touches (for control flow: every qubit of its bodies). */
    List<Integer> qubits();

    /** The classical bits this instruction reads or writes. */
    List<Integer> clbits();

    /** This instruction with parameters replaced by the given expressions. */
    Instruction substitute(Map<String, Expr> replacements);

    /** This instruction with qubits and clbits renumbered through the given maps ({@code map[old] = new}). */
    Instruction remap(int[] qubitMap, int[] clbitMap);

    /** The symbolic parameter names this instruction holds. */
    default java.util.Set<String> parameters() {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        collectParameters(names);
        return names;
    }

    /** Adds this instruction's parameter names to {@code names}. */
    void collectParameters(java.util.Set<String> names);
}
