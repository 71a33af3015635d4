package io.qexec.qasm;

import java.util.HashMap;
import java.util.Map;

/** A block's names, falling back to the enclosing scope's. */
final class Scope {
    private final Scope parent;
    private final Map<String, Symbol> names = new HashMap<>();
    private final Map<String, Integer> lines = new HashMap<>();

    Scope(Scope parent) {
        this.parent = parent;
    }

    Symbol lookup(String name) {
        for (Scope s = this; s != null; s = s.parent) {
            Symbol symbol = s.names.get(name);
            if (symbol != null) {
                return symbol;
            }
        }
        return null;
    }

    /** The line where {@code name} was declared in this very scope, or -1. */
    int declaredHere(String name) {
        Integer line = lines.get(name);
        return line == null ? -1 : line;
    }

    void declare(String name, Symbol symbol, int line) {
        names.put(name, symbol);
        lines.put(name, line);
    }

    /** Rebinds a name declared in this scope or an enclosing one (used for {@code let} re-aliasing). */
    Scope parent() {
        return parent;
    }
}
