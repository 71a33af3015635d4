package io.qexec.ionq;

import java.util.Map;
import java.util.SortedMap;

/**
 * A completed IonQ job's result in the engine's bit order (see {@link io.qexec.circuit.Bitstrings}).
 *
 * @param jobId IonQ's job id
 * @param shots the shots run
 * @param counts outcome counts summing to {@code shots}
 * @param probabilities IonQ's probabilities, re-keyed
 */
public record IonQResult(String jobId, int shots, SortedMap<String, Long> counts, Map<String, Double> probabilities) {

    public IonQResult {
        counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
        probabilities = Map.copyOf(probabilities);
    }
}
