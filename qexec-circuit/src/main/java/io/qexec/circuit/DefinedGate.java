package io.qexec.circuit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A gate defined by the user (an OpenQASM {@code gate} definition), or declared {@code opaque}.
 *
 * <p>The body acts on qubits {@code 0..numQubits-1} (the gate's arguments in order) and its parameters
 * are expressions of {@code parameterNames}. An opaque gate has no body and no known unitary.
 *
 * @param name the gate's name
 * @param parameterNames the formal parameter names
 * @param numQubits the number of qubit arguments
 * @param definition the body, empty for an opaque gate
 * @param opaque whether the gate was declared without a body
 */
public record DefinedGate(String name, List<String> parameterNames, int numQubits, List<Instruction> definition, boolean opaque)
        implements Gate {

    public DefinedGate {
        Objects.requireNonNull(name, "name");
        parameterNames = List.copyOf(parameterNames);
        definition = List.copyOf(definition);
        if (numQubits < 0) {
            throw new IllegalArgumentException("gate " + name + ": negative qubit count");
        }
        if (opaque && !definition.isEmpty()) {
            throw new IllegalArgumentException("opaque gate " + name + " cannot have a body");
        }
        for (Instruction instruction : definition) {
            for (int q : instruction.qubits()) {
                if (q < 0 || q >= numQubits) {
                    throw new IllegalArgumentException("gate " + name + ": body uses qubit " + q + " of " + numQubits);
                }
            }
        }
    }

    /** A gate with a body. */
    public static DefinedGate of(String name, List<String> parameterNames, int numQubits, List<Instruction> body) {
        return new DefinedGate(name, parameterNames, numQubits, body, false);
    }

    /** An opaque gate: a name and a signature, no body. */
    public static DefinedGate opaque(String name, int numParams, int numQubits) {
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < numParams; i++) {
            names.add("p" + i);
        }
        return new DefinedGate(name, names, numQubits, List.of(), true);
    }

    @Override
    public String qasmName() {
        return name;
    }

    @Override
    public int numParams() {
        return parameterNames.size();
    }

    @Override
    public Matrix matrix(double... params) {
        requireParams(params);
        if (opaque) {
            throw new UnsupportedOperationException("opaque gate " + name + " has no definition, so no unitary");
        }
        Map<String, Double> values = new HashMap<>();
        for (int i = 0; i < params.length; i++) {
            values.put(parameterNames.get(i), params[i]);
        }
        return GateDefinitions.unitary(definition, numQubits, values);
    }

    @Override
    public boolean isClifford() {
        if (opaque) {
            return false;
        }
        for (Instruction instruction : definition) {
            if (instruction instanceof GateOp op && !op.isClifford()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return name;
    }
}
