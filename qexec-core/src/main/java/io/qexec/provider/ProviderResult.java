package io.qexec.provider;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The outcome of a finished job as a provider returns it, already converted to the shared bit order (see
 * {@link io.qexec.circuit.Bitstrings}).
 *
 * @param counts outcome counts
 * @param memory per-shot outcomes in order, when asked for; otherwise empty
 * @param metadata anything else worth keeping (method, seed, execution time, ...); JSON-like values only
 * @param started when execution started, if known ({@code null} otherwise)
 * @param finished when execution finished, if known ({@code null} otherwise)
 */
public record ProviderResult(SortedMap<String, Long> counts, List<String> memory, Map<String, Object> metadata,
                             Instant started, Instant finished) {

    public ProviderResult {
        counts = Collections.unmodifiableSortedMap(new TreeMap<>(counts));
        memory = memory == null ? List.of() : List.copyOf(memory);
        metadata = metadata == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
    }

    /** Counts only. */
    public static ProviderResult ofCounts(Map<String, Long> counts) {
        return new ProviderResult(new TreeMap<>(counts), List.of(), Map.of(), null, null);
    }
}
