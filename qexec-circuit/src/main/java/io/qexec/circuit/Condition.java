package io.qexec.circuit;

import java.util.ArrayList;
import java.util.List;

/**
 * A test on classical bits: the unsigned integer they form (the first bit least significant)
 * compared with a value, as in {@code if (c == 5)} or {@code while (m != 0)}.
 *
 * @param clbits the bits, least significant first
 * @param comparison the comparison
 * @param value the value compared with
 */
public record Condition(List<Integer> clbits, Comparison comparison, long value) {

    /** Comparison operators. */
    public enum Comparison {
        EQUAL("=="), NOT_EQUAL("!="), LESS("<"), LESS_OR_EQUAL("<="), GREATER(">"), GREATER_OR_EQUAL(">=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        /** The OpenQASM spelling. */
        public String symbol() {
            return symbol;
        }

        /** Applies the comparison. */
        public boolean test(long left, long right) {
            return switch (this) {
                case EQUAL -> left == right;
                case NOT_EQUAL -> left != right;
                case LESS -> left < right;
                case LESS_OR_EQUAL -> left <= right;
                case GREATER -> left > right;
                case GREATER_OR_EQUAL -> left >= right;
            };
        }
    }

    public Condition {
        clbits = List.copyOf(clbits);
        if (clbits.isEmpty()) {
            throw new IllegalArgumentException("a condition needs at least one classical bit");
        }
        if (clbits.size() > 63) {
            throw new IllegalArgumentException("a condition can test at most 63 bits, got " + clbits.size());
        }
        if (value < 0) {
            throw new IllegalArgumentException("a condition compares with a non-negative value, got " + value);
        }
    }

    /** {@code bits == value}. */
    public static Condition equal(List<Integer> clbits, long value) {
        return new Condition(clbits, Comparison.EQUAL, value);
    }

    /** A single bit equal to 1 (or to 0 when {@code set} is false). */
    public static Condition bit(int clbit, boolean set) {
        return new Condition(List.of(clbit), Comparison.EQUAL, set ? 1 : 0);
    }

    /** Evaluates the condition on classical bit values indexed by flat clbit index. */
    public boolean test(boolean[] bits) {
        long v = 0;
        for (int i = 0; i < clbits.size(); i++) {
            if (bits[clbits.get(i)]) {
                v |= 1L << i;
            }
        }
        return comparison.test(v, value);
    }

    /** This condition on renumbered bits ({@code clbitMap[old] = new}). */
    public Condition remap(int[] clbitMap) {
        List<Integer> bits = new ArrayList<>(clbits.size());
        for (int b : clbits) {
            bits.add(clbitMap[b]);
        }
        return new Condition(bits, comparison, value);
    }
}
