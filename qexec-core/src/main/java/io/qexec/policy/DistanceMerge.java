package io.qexec.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.ToDoubleBiFunction;

/**
 * {@code tvd} and {@code hellinger}: per circuit, each backend's aggregated distribution compared with the
 * reference backend's (policy data {@code reference}: {@code provider/backend}). The value is circuit index →
 * {@code provider/backend} → distance (the reference itself included, at 0).
 */
final class DistanceMerge implements MergePolicy {
    private final String name;
    private final ToDoubleBiFunction<Map<String, Long>, Map<String, Long>> distance;

    DistanceMerge(String name, ToDoubleBiFunction<Map<String, Long>, Map<String, Long>> distance) {
        this.name = name;
        this.distance = distance;
    }

    @Override
    public MergeOutcome merge(MergeRequest request) {
        if (!(request.data().get("reference") instanceof String reference)) {
            throw new IllegalArgumentException(name + " merge needs policy data 'reference': the provider/backend to compare with");
        }
        Aggregation a = new Aggregation();
        SortedMap<Integer, Map<String, Double>> out = new TreeMap<>();
        a.perCircuitAndBackend(request.jobs()).forEach((circuit, byBackend) -> {
            SortedMap<String, Long> ref = byBackend.get(reference);
            if (ref == null) {
                throw new IllegalArgumentException(name + " merge: circuit " + circuit + " has no completed result on the reference "
                        + reference + " (backends with results: " + byBackend.keySet() + ")");
            }
            Map<String, Double> d = new LinkedHashMap<>();
            byBackend.forEach((backend, counts) -> d.put(backend, distance.applyAsDouble(counts, ref)));
            out.put(circuit, d);
        });
        return new MergeOutcome(out, a.data(request.data()));
    }
}
