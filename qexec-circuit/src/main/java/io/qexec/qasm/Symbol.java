package io.qexec.qasm;

import java.util.List;

/** What a name stands for in an OpenQASM scope. Gates live in their own table. */
sealed interface Symbol {

    /** Qubits: a register, a single qubit, an alias ({@code let}) or a gate's/subroutine's qubit argument. */
    record Qubits(String name, int[] indices, boolean single, boolean gateArgument) implements Symbol {
    }

    /** Classical bits: a {@code creg}, {@code bit} or {@code bit[n]}. */
    record Bits(String name, int[] indices, boolean single) implements Symbol {
    }

    /** A classical variable or constant whose value the parser tracks. */
    final class Variable implements Symbol {
        final String name;
        final String type;
        final int width;
        final boolean constant;
        Value value;

        Variable(String name, String type, int width, boolean constant, Value value) {
            this.name = name;
            this.type = type;
            this.width = width;
            this.constant = constant;
            this.value = value;
        }
    }

    /** A {@code def} subroutine, inlined at each call by re-reading its body. */
    record Subroutine(String name, List<Parameter> parameters, String returnType, Lexer.Mark body, Lexer lexer,
                      int line) implements Symbol {
    }

    /** A subroutine parameter: {@code qubit}, {@code qubit[n]} or a classical type. */
    record Parameter(String name, String type, int size) {
        boolean quantum() {
            return type.equals("qubit");
        }
    }
}
