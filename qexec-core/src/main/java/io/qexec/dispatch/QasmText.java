package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reads OpenQASM text into a circuit with the OpenQASM reader ({@code io.qexec.qasm.OpenQasm}). */
final class QasmText {
    private static final String READER = "io.qexec.qasm.OpenQasm";

    private QasmText() {
    }

    /**
     * Parses OpenQASM 2 or 3 text.
     *
     * @throws IllegalArgumentException with the reader's message when the text is not valid OpenQASM, or when no
     *     OpenQASM reader is on the class path
     */
    static Circuit parse(String text) {
        Method parse;
        try {
            parse = Class.forName(READER).getMethod("parse", String.class);
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("an OpenQASM string was given but the OpenQASM reader (" + READER
                    + ") is not on the class path; pass a Circuit instead");
        }
        try {
            return (Circuit) parse.invoke(null, text);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            throw new IllegalArgumentException("invalid OpenQASM: " + cause.getMessage(), cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot call the OpenQASM reader", e);
        }
    }
}
