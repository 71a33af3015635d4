package io.qexec.qbraid;

import java.util.SortedMap;

/**
 * A completed qBraid job's result in the engine's bit order.
 *
 * @param jobQrn the job's qBraid resource name
 * @param counts outcome counts
 * @param cost the cost qBraid reports (credits), or NaN
 */
public record QBraidResult(String jobQrn, SortedMap<String, Long> counts, double cost) {

    public QBraidResult {
        counts = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(counts));
    }
}
