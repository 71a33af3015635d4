package io.qexec.circuit;

/**
 * A named array of classical bits.
 *
 * @param name the register's name
 * @param size the number of bits
 */
public record ClassicalRegister(String name, int size) {
    public ClassicalRegister {
        RegisterNames.check(name, size, "classical");
    }
}
