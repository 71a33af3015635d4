package io.qexec.policy;

import java.util.SortedMap;
import java.util.TreeMap;

/** {@code probabilities}: per circuit, the aggregated counts divided by their total. */
final class ProbabilitiesMerge implements MergePolicy {
    @Override
    public MergeOutcome merge(MergeRequest request) {
        Aggregation a = new Aggregation();
        SortedMap<Integer, SortedMap<String, Double>> out = new TreeMap<>();
        a.perCircuit(request.jobs()).forEach((circuit, counts) -> {
            double total = counts.values().stream().mapToLong(Long::longValue).sum();
            SortedMap<String, Double> p = new TreeMap<>();
            counts.forEach((k, v) -> p.put(k, v / total));
            out.put(circuit, p);
        });
        return new MergeOutcome(out, a.data(request.data()));
    }
}
