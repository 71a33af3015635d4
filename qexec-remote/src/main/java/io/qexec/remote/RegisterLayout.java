package io.qexec.remote;

import io.qexec.circuit.ClassicalRegister;
import java.util.ArrayList;
import java.util.List;

/**
 * A circuit's classical registers written as a job handle attribute ({@code c:2,d:1}), so that a result can be
 * keyed in the shared bit order from the handle alone, in any process.
 *
 * @param registers the registers, in declaration order
 */
public record RegisterLayout(List<ClassicalRegister> registers) {

    /** The attribute name used for the layout in job handles. */
    public static final String ATTRIBUTE = "registers";

    public RegisterLayout {
        registers = List.copyOf(registers);
    }

    /** {@code name:size} pairs separated by commas. */
    public String encode() {
        List<String> parts = new ArrayList<>();
        for (ClassicalRegister r : registers) {
            parts.add(r.name() + ":" + r.size());
        }
        return String.join(",", parts);
    }

    /**
     * Reads an encoded layout; null or empty means no registers.
     *
     * @throws IllegalArgumentException when the text is not a layout
     */
    public static RegisterLayout decode(String text) {
        List<ClassicalRegister> out = new ArrayList<>();
        if (text != null && !text.isEmpty()) {
            for (String part : text.split(",")) {
                int colon = part.lastIndexOf(':');
                if (colon <= 0) {
                    throw new IllegalArgumentException("not a register layout entry: '" + part + "'");
                }
                out.add(new ClassicalRegister(part.substring(0, colon), Integer.parseInt(part.substring(colon + 1))));
            }
        }
        return new RegisterLayout(out);
    }
}
