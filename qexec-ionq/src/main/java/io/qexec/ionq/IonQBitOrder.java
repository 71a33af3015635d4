package io.qexec.ionq;

import io.qexec.circuit.Bitstrings;
import io.qexec.circuit.ClassicalRegister;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * IonQ's result keys to the engine's bit order. IonQ keys outcomes by decimal integers over all qubits, qubit
 * {@code i} being bit {@code 2^i}; the engine keys them by bitstrings over classical bits, bit 0 rightmost,
 * registers space-separated. A circuit that measures nothing is reported over every qubit.
 */
final class IonQBitOrder {
    private IonQBitOrder() {
    }

    /** Converts {@code {"<int>": p}} into probabilities keyed in the engine's order. */
    static Map<String, Double> probabilities(Map<String, Double> ionq, IonQGateSet.Translation t,
                                             List<ClassicalRegister> registers) {
        Map<String, Double> out = new HashMap<>();
        for (Map.Entry<String, Double> e : ionq.entrySet()) {
            long outcome;
            try {
                outcome = Long.parseLong(e.getKey().strip());
            } catch (NumberFormatException bad) {
                throw new IllegalArgumentException("IonQ result key '" + e.getKey() + "' is not a decimal outcome", bad);
            }
            String key;
            if (t.measured()) {
                BitSet bits = new BitSet();
                for (int q = 0; q < t.qubits(); q++) {
                    if (t.clbitOfQubit()[q] >= 0 && (outcome >>> q & 1) == 1) {
                        bits.set(t.clbitOfQubit()[q]);
                    }
                }
                key = Bitstrings.format(registers, bits);
            } else {
                key = Bitstrings.format(outcome, t.qubits());
            }
            out.merge(key, e.getValue(), Double::sum);
        }
        return out;
    }

    /**
     * Counts from probabilities that sum exactly to {@code shots}: each outcome gets {@code floor(p * shots)},
     * and the shots left go to the largest remainders (ties by key), so that a QPU histogram's
     * {@code count / shots} probabilities give back its counts exactly.
     */
    static SortedMap<String, Long> counts(Map<String, Double> probabilities, int shots) {
        double total = probabilities.values().stream().mapToDouble(Double::doubleValue).sum();
        SortedMap<String, Long> counts = new TreeMap<>();
        Map<String, Double> remainders = new TreeMap<>();
        long assigned = 0;
        for (Map.Entry<String, Double> e : new TreeMap<>(probabilities).entrySet()) {
            double exact = total > 0 ? e.getValue() / total * shots : 0;
            long whole = (long) Math.floor(exact + 1e-9);
            counts.put(e.getKey(), whole);
            remainders.put(e.getKey(), exact - whole);
            assigned += whole;
        }
        long left = shots - assigned;
        List<String> order = remainders.entrySet().stream()
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue())).map(Map.Entry::getKey).toList();
        for (int i = 0; left > 0 && !order.isEmpty(); i = (i + 1) % order.size(), left--) {
            counts.merge(order.get(i), 1L, Long::sum);
        }
        counts.values().removeIf(v -> v == 0);
        return counts;
    }
}
