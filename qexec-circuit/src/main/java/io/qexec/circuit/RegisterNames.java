package io.qexec.circuit;

/** Validation shared by both kinds of register. */
final class RegisterNames {
    private RegisterNames() {
    }

    static void check(String name, int size, String kind) {
        if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("invalid " + kind + " register name '" + name + "'");
        }
        if (size < 1) {
            throw new IllegalArgumentException(kind + " register " + name + " must have at least one bit, got " + size);
        }
    }
}
