package io.qexec.qasm;

import io.qexec.circuit.Condition;
import io.qexec.circuit.Expr;
import java.util.List;

/**
 * The value of an OpenQASM expression as the parser knows it: a number, boolean or bit string known at
 * parse time, a symbolic angle (gate parameters and {@code input} parameters), or a reference to classical
 * bits whose value is only known when the circuit runs (measurement results) and tests of them.
 */
sealed interface Value {

    /** An integer known at parse time. */
    record Int(long value) implements Value {
    }

    /** A real number known at parse time. */
    record Real(double value) implements Value {
    }

    /** A boolean known at parse time. */
    record Bool(boolean value) implements Value {
    }

    /** A bit string known at parse time; bit {@code i} is {@code (value >> i) & 1}. */
    record Bits(long value, int width) implements Value {
    }

    /** An angle that depends on symbolic parameters. */
    record Angle(Expr expr) implements Value {
    }

    /** Classical bits known only at run time (least significant first); {@code single} for one {@code bit}. */
    record RuntimeBits(List<Integer> clbits, boolean single) implements Value {
    }

    /** A one-dimensional array known at parse time: {@code array[type, n]}. */
    record Array(String elementType, int elementWidth, List<Value> elements) implements Value {
        public Array {
            elements = List.copyOf(elements);
        }
    }

    /** A test of run-time bits. */
    record Test(Condition condition) implements Value {
    }
}
