package io.qexec.circuit;

import java.util.List;

/**
 * A unitary operation on a fixed number of qubits with a fixed number of real parameters.
 *
 * <p>Three kinds: a {@link StandardGate} from the built-in library, a {@link DefinedGate} written by the
 * user (which keeps its definition and can be expanded), and a {@link ModifiedGate} (a gate under
 * {@code ctrl@}, {@code negctrl@}, {@code inv@} or {@code pow@}).
 */
public sealed interface Gate permits StandardGate, DefinedGate, ModifiedGate {

    /** The name used in OpenQASM and in gate counts (for a modified gate, e.g. {@code ctrl @ x}). */
    String qasmName();

    /** The number of qubits the gate acts on. */
    int numQubits();

    /** The number of real parameters the gate takes. */
    int numParams();

    /**
     * The gate's unitary for the given parameter values, in little-endian order (the first qubit argument
     * is the least-significant bit of the index).
     *
     * @throws IllegalArgumentException if the number of parameters is wrong
     * @throws UnsupportedOperationException for an opaque gate, which has no known unitary
     */
    Matrix matrix(double... params);

    /** Whether the gate is a Clifford operation whatever its parameters. */
    default boolean isClifford() {
        return false;
    }

    /**
     * The gate's definition as operations on qubits {@code 0..numQubits()-1} whose parameters are
     * expressions of {@link #parameterNames()}; empty for primitive and opaque gates.
     */
    List<Instruction> definition();

    /** The names of the formal parameters, as used in {@link #definition()}. */
    List<String> parameterNames();

    /** Checks the number of parameter values. */
    default void requireParams(double[] params) {
        if (params.length != numParams()) {
            throw new IllegalArgumentException("gate " + qasmName() + " takes " + numParams() + " parameter"
                    + (numParams() == 1 ? "" : "s") + ", got " + params.length);
        }
    }
}
