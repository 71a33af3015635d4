package io.qexec.sim.stabilizer;

import io.qexec.circuit.Condition;
import java.util.List;

/** One step of a translated Clifford program. */
sealed interface Op {

    /**
     * A gate with a dedicated rule.
     *
     * @param kind the gate
     * @param a the first qubit
     * @param b the second qubit (two-qubit gates), otherwise -1
     */
    record Gate(GateKind kind, int a, int b) implements Op {
    }

    /**
     * Any other Clifford gate, by its Pauli table.
     *
     * @param table the table
     * @param qubits the qubit arguments (argument j = table bit j)
     */
    record Table(CliffordTable table, int[] qubits) implements Op {
        public Table {
            qubits = qubits.clone();
        }
    }

    /**
     * Z-basis measurement.
     *
     * @param qubit the qubit
     * @param clbit the classical bit written
     */
    record Measure(int qubit, int clbit) implements Op {
    }

    /**
     * Reset to |0>.
     *
     * @param qubit the qubit
     */
    record Reset(int qubit) implements Op {
    }

    /**
     * Classical branch.
     *
     * @param condition the test on classical bits
     * @param then what runs when it holds
     * @param otherwise what runs when it does not
     */
    record If(Condition condition, List<Op> then, List<Op> otherwise) implements Op {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /**
     * Classical loop.
     *
     * @param condition tested before each iteration
     * @param body the repeated block
     */
    record While(Condition condition, List<Op> body) implements Op {
        public While {
            body = List.copyOf(body);
        }
    }
}
