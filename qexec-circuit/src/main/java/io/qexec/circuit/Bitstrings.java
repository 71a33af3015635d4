package io.qexec.circuit;

import java.util.BitSet;
import java.util.List;

/**
 * The one bit order every result uses (Qiskit's): classical bit 0 is the rightmost character; with
 * several classical registers, one group per register separated by a space, the last-declared register
 * leftmost. X on qubit 0 of a two-qubit circuit measured into {@code c[0]} reads {@code "01"}.
 */
public final class Bitstrings {
    private Bitstrings() {
    }

    /** Formats classical bit values (bit {@code i} = flat clbit {@code i}) in the shared order. */
    public static String format(List<ClassicalRegister> registers, BitSet bits) {
        int total = registers.stream().mapToInt(ClassicalRegister::size).sum();
        StringBuilder s = new StringBuilder(total + registers.size());
        int end = total;
        for (int r = registers.size() - 1; r >= 0; r--) {
            int size = registers.get(r).size();
            int start = end - size;
            for (int b = end - 1; b >= start; b--) {
                s.append(bits.get(b) ? '1' : '0');
            }
            if (r > 0) {
                s.append(' ');
            }
            end = start;
        }
        return s.toString();
    }

    /** Formats the low bits of {@code value} (bit {@code i} = flat clbit {@code i}); at most 64 classical bits. */
    public static String format(List<ClassicalRegister> registers, long value) {
        return format(registers, BitSet.valueOf(new long[] {value}));
    }

    /** Formats a plain bit value of {@code width} bits, bit 0 rightmost, with no register grouping. */
    public static String format(long value, int width) {
        char[] chars = new char[width];
        for (int b = 0; b < width; b++) {
            chars[width - 1 - b] = (value >>> b & 1) == 1 ? '1' : '0';
        }
        return new String(chars);
    }

    /** Parses a string in the shared order back to flat classical bit values (spaces are ignored). */
    public static BitSet parse(String bitstring) {
        String digits = bitstring.replace(" ", "");
        BitSet bits = new BitSet(digits.length());
        for (int i = 0; i < digits.length(); i++) {
            char ch = digits.charAt(digits.length() - 1 - i);
            if (ch == '1') {
                bits.set(i);
            } else if (ch != '0') {
                throw new IllegalArgumentException("not a bitstring: '" + bitstring + "'");
            }
        }
        return bits;
    }
}
