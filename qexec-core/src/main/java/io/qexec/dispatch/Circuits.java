package io.qexec.dispatch;

import io.qexec.circuit.Circuit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Turns what a user passes as "circuits" into a list of circuits: one {@link Circuit}, one OpenQASM string
 * (one circuit, never a sequence of characters), or a collection of either.
 */
public final class Circuits {
    private Circuits() {
    }

    /**
     * The circuits described by {@code value}.
     *
     * @param value a {@link Circuit}, an OpenQASM {@link String}, or a {@link Collection} of them
     * @throws IllegalArgumentException naming the element that is neither, or the OpenQASM error
     */
    public static List<Circuit> of(Object value) {
        if (value instanceof Circuit || value instanceof CharSequence) {
            return List.of(one(value, 0));
        }
        if (value instanceof Collection<?> many) {
            List<Circuit> out = new ArrayList<>(many.size());
            int i = 0;
            for (Object o : many) {
                out.add(one(o, i++));
            }
            return out;
        }
        throw new IllegalArgumentException("circuits must be a Circuit, an OpenQASM string or a collection of them, got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /** One circuit from a {@link Circuit} or OpenQASM text. */
    public static Circuit one(Object value) {
        return one(value, 0);
    }

    private static Circuit one(Object value, int index) {
        if (value instanceof Circuit c) {
            return c;
        }
        if (value instanceof CharSequence text) {
            try {
                return QasmText.parse(text.toString());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("circuit " + index + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("circuit " + index + " must be a Circuit or an OpenQASM string, got "
                + (value == null ? "null" : value.getClass().getName()));
    }
}
