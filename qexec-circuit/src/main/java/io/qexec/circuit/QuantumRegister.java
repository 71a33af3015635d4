package io.qexec.circuit;

/**
 * A named array of qubits.
 *
 * @param name the register's name
 * @param size the number of qubits
 */
public record QuantumRegister(String name, int size) {
    public QuantumRegister {
        RegisterNames.check(name, size, "quantum");
    }
}
