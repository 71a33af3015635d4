package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import io.qexec.qasm.OpenQasm;
import io.qexec.qasm.QasmException;

/** Reads OpenQASM text into a circuit with the OpenQASM reader. */
final class QasmText {
    private QasmText() {
    }

    /**
     * Parses OpenQASM 2 or 3 text.
     *
     * @throws IllegalArgumentException with the reader's message (line:column, the line and a caret) when the
     *     text is not valid OpenQASM
     */
    static Circuit parse(String text) {
        try {
            return OpenQasm.parse(text);
        } catch (QasmException e) {
            throw new IllegalArgumentException("invalid OpenQASM: " + e.getMessage(), e);
        }
    }
}
