package io.qexec.braket;

import java.util.SortedMap;

/**
 * A completed Braket task's result in the engine's bit order.
 *
 * @param taskArn the quantum task's ARN
 * @param counts outcome counts
 */
public record BraketResult(String taskArn, SortedMap<String, Long> counts) {

    public BraketResult {
        counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
    }
}
