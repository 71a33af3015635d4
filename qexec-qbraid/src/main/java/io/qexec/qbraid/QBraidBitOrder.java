package io.qexec.qbraid;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.ClassicalRegister;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * qBraid's {@code measurementCounts} keys to the engine's bit order. qBraid returns bitstrings over all classical
 * bits with bit 0 rightmost (the qBraid SDK's normalised convention) and no register separators; the engine groups
 * them per register, last-declared register leftmost, separated by spaces.
 */
final class QBraidBitOrder {
    private QBraidBitOrder() {
    }

    static SortedMap<String, Long> counts(Map<String, Long> raw, List<ClassicalRegister> registers) {
        SortedMap<String, Long> out = new TreeMap<>();
        int width = registers.stream().mapToInt(ClassicalRegister::size).sum();
        for (Map.Entry<String, Long> e : raw.entrySet()) {
            String digits = e.getKey().replace(" ", "");
            if (width > 0 && digits.length() != width) {
                throw new IllegalArgumentException("qBraid result key '" + e.getKey() + "' has " + digits.length()
                        + " bits; the circuit has " + width + " classical bits");
            }
            String key = width == 0 ? digits : Bitstrings.format(registers, Bitstrings.parse(digits));
            out.merge(key, e.getValue(), Long::sum);
        }
        return out;
    }
}
