package io.qexec.braket;

import com.fasterxml.jackson.databind.JsonNode;
import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.Circuit;
import io.qexec.circuit.ClassicalRegister;
import io.qexec.circuit.Instruction;
import io.qexec.circuit.Measure;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Braket's {@code results.json} to counts in the engine's bit order. Braket reports per-shot rows of bits in
 * {@code measuredQubits} order (the first measured qubit leftmost) or, on some devices, only
 * {@code measurementProbabilities} keyed the same way; the engine routes each qubit to the classical bit its
 * measurement wrote and keys outcomes bit 0 rightmost, registers space-separated.
 */
final class BraketBitOrder {
    private BraketBitOrder() {
    }

    /** For each qubit, the classical bit its (last) measurement writes, or -1. */
    static int[] clbitOfQubit(Circuit circuit) {
        int[] clbitOf = new int[circuit.numQubits()];
        Arrays.fill(clbitOf, -1);
        for (Instruction i : circuit.instructions()) {
            if (i instanceof Measure m) {
                clbitOf[m.qubit()] = m.clbit();
            }
        }
        return clbitOf;
    }

    static SortedMap<String, Long> counts(JsonNode results, int[] clbitOfQubit, List<ClassicalRegister> registers, int shots) {
        List<Integer> measured = new ArrayList<>();
        results.path("measuredQubits").forEach(q -> measured.add(q.asInt()));
        boolean anyMeasure = Arrays.stream(clbitOfQubit).anyMatch(c -> c >= 0);
        SortedMap<String, Long> counts = new TreeMap<>();
        if (results.path("measurements").isArray() && !results.path("measurements").isEmpty()) {
            for (JsonNode row : results.path("measurements")) {
                char[] bits = new char[row.size()];
                for (int i = 0; i < bits.length; i++) {
                    bits[i] = row.get(i).asInt() == 1 ? '1' : '0';
                }
                counts.merge(key(new String(bits), measured, clbitOfQubit, registers, anyMeasure), 1L, Long::sum);
            }
            return counts;
        }
        Map<String, Double> probabilities = new HashMap<>();
        results.path("measurementProbabilities").fields().forEachRemaining(e -> probabilities.merge(
                key(e.getKey(), measured, clbitOfQubit, registers, anyMeasure), e.getValue().asDouble(), Double::sum));
        return largestRemainder(probabilities, shots);
    }

    /** One outcome, given as bits in {@code measuredQubits} order, as an engine key. */
    static String key(String bits, List<Integer> measured, int[] clbitOfQubit, List<ClassicalRegister> registers,
                      boolean anyMeasure) {
        if (bits.length() != measured.size()) {
            throw new IllegalArgumentException("a Braket outcome has " + bits.length() + " bits for " + measured.size()
                    + " measured qubits");
        }
        BitSet set = new BitSet();
        if (!anyMeasure) {
            int n = clbitOfQubit.length;
            for (int i = 0; i < bits.length(); i++) {
                if (bits.charAt(i) == '1') {
                    set.set(measured.get(i));
                }
            }
            StringBuilder s = new StringBuilder();
            for (int q = n - 1; q >= 0; q--) {
                s.append(set.get(q) ? '1' : '0');
            }
            return s.toString();
        }
        for (int i = 0; i < bits.length(); i++) {
            int q = measured.get(i);
            if (bits.charAt(i) == '1' && q < clbitOfQubit.length && clbitOfQubit[q] >= 0) {
                set.set(clbitOfQubit[q]);
            }
        }
        return Bitstrings.format(registers, set);
    }

    private static SortedMap<String, Long> largestRemainder(Map<String, Double> p, int shots) {
        SortedMap<String, Long> counts = new TreeMap<>();
        Map<String, Double> rest = new TreeMap<>();
        long assigned = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(p).entrySet()) {
            double exact = e.getValue() * shots;
            long whole = (long) Math.floor(exact + 1e-9);
            counts.put(e.getKey(), whole);
            rest.put(e.getKey(), exact - whole);
            assigned += whole;
        }
        List<String> order = rest.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey).toList();
        for (int i = 0; assigned < shots && !order.isEmpty(); i = (i + 1) % order.size(), assigned++) {
            counts.merge(order.get(i), 1L, Long::sum);
        }
        counts.values().removeIf(v -> v == 0);
        return counts;
    }
}
